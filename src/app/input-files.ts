/**
 * A clerk's file turned into text and JSON, or refused saying why: too large, not UTF-8 (a GB18030
 * file from Notepad's "ANSI" is told as such, never stored as mojibake), UTF-16, not JSON (with the
 * line and column), a key given twice in one object (which value counts would be a guess), or nested
 * deeper than any event or rule is. For `record`, `import` and a console's uploads alike.
 */
import { DomainError } from '../domain/errors.js';
import { LIMITS } from '../domain/input-limits.js';
import { jsonProblem } from '../domain/json-text.js';

/** A file as the clerk gave it: its name (for messages) and its bytes. */
export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function checkSize(file: InputFile, max: number = LIMITS.fileBytes): void {
  if (file.bytes.length > max) {
    throw new DomainError(
      'invalid-input',
      `文件过大（${(file.bytes.length / 1024 / 1024).toFixed(1)} MiB），上限 ${max / 1024 / 1024} MiB`,
      file.name,
    );
  }
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The line (1-based) of the first character that could not be decoded. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const at = lossy.indexOf('\uFFFD');
  return lossy.slice(0, Math.max(at, 0)).split('\n').length;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The file's text, which must be UTF-8 (a byte-order mark is allowed and dropped). */
export function utf8Text(file: InputFile, kind = 'JSON 文件'): string {
  checkSize(file);
  const { bytes, name } = file;
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    throw new DomainError('invalid-input', `文件是 UTF-16 编码；${kind}须为 UTF-8 编码，请另存为 UTF-8 后重试`, name);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const gb = decodes(bytes, 'gb18030');
    throw new DomainError(
      'invalid-input',
      `文件不是 UTF-8 编码（第${lineOfFirstBadByte(bytes)}行起有不能按 UTF-8 解读的字节` +
        `${gb ? '，看来是 GB18030/GBK 编码，例如 Windows 记事本以“ANSI”保存的文件' : ''}）；` +
        `${kind}须为 UTF-8 编码，请另存为 UTF-8 后重试，以免中文被存成乱码`,
      name,
    );
  }
}

/** JSON text parsed, after `jsonProblem` found nothing wrong with it. */
export function parseJsonText(text: string, name: string): unknown {
  const problem = jsonProblem(text);
  if (problem) throw new DomainError('invalid-input', problem, name);
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid-input', '不是有效的 JSON', name);
  }
}

/** A file holding JSON: UTF-8, checked and parsed. */
export function readJsonFile(file: InputFile): unknown {
  return parseJsonText(utf8Text(file), file.name);
}

/** The events of a `record` file: one event object, or an array of them. */
export function eventsFromFile(file: InputFile): { readonly values: readonly unknown[]; readonly single: boolean } {
  const value = readJsonFile(file);
  if (Array.isArray(value)) {
    if (value.length === 0) throw new DomainError('invalid-input', '文件中没有事件', file.name);
    return { values: value, single: false };
  }
  return { values: [value], single: true };
}
