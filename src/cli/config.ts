/**
 * The clerk's own settings, kept in a small JSON file per user ($ROSTER_CONFIG, else
 * $XDG_CONFIG_HOME/deputy-roster/config.json, else ~/.config/deputy-roster/config.json): for now the
 * name every recorded event carries as its recorder (`roster config set recorder 张三`), so that the
 * record names a person, not the machine's account (root).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { DomainError } from '../domain/errors.js';
import { textProblem } from '../domain/input-limits.js';
import { isSystemError, systemReason } from '../format/system-errors.js';

/** Each setting with its name in the clerk's words. */
export const SETTING_NAMES = { recorder: '记录人' } as const;
export type SettingName = keyof typeof SETTING_NAMES;

const Settings = z.strictObject({ recorder: z.string().optional() });
export type Settings = z.infer<typeof Settings>;

export function isSettingName(key: string): key is SettingName {
  return Object.hasOwn(SETTING_NAMES, key);
}

/** The settings in the file; none where it does not exist. A file that is not ours is refused, naming it. */
export function readSettings(file: string): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (isSystemError(e) && e.code === 'ENOENT') return {};
    if (isSystemError(e)) throw new DomainError('invalid-input', `无法读取设置文件：${systemReason(e)}`, file);
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError('invalid-input', '设置文件不是有效的 JSON；可删除后用 roster config set 重新设置', file);
  }
  const parsed = Settings.safeParse(value);
  if (!parsed.success) throw new DomainError('invalid-input', '设置文件的内容无法识别；可删除后用 roster config set 重新设置', file);
  return parsed.data;
}

/** A recorder's name as the record will hold it: the limits of a name, no control characters. */
export function checkRecorder(name: string, where?: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new DomainError('invalid-input', '记录人姓名不能为空', where);
  const problem = textProblem(trimmed, 'name');
  if (problem) throw new DomainError('invalid-input', `记录人姓名不可用：${problem}`, where);
  return trimmed;
}

export async function writeSetting(file: string, key: SettingName, value: string | undefined): Promise<Settings> {
  const current = readSettings(file);
  const next: Settings = { ...current };
  if (value === undefined) delete next[key];
  else next[key] = key === 'recorder' ? checkRecorder(value) : value;
  mkdirSync(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
