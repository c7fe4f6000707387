/** LibreOffice (`.ci/run` installs libreoffice-writer-nogui) turns a Word file into PDF, as a clerk's office suite would print it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './scenario.js';

/**
 * Whether `soffice` is installed. Where it is not, the tests that print through it are skipped and
 * say so loudly; under CI (CI=true) that is a failure: CI installs it (.ci/run).
 */
export function libreOfficeInstalled(): boolean {
  if (spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0) return true;
  const message = 'LibreOffice 未安装（找不到 soffice）：用 LibreOffice 打印 Word 文件的测试全部跳过';
  if (process.env.CI === 'true') throw new Error(`${message}；CI 中不允许跳过（.ci/run 应安装 libreoffice-writer-nogui）`);
  process.stderr.write(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n\n`);
  return false;
}

/** The Word file converted by LibreOffice (`pdf`, or `odt` to read back how it took the layout); the converted file's path. */
export function convertDocx(docx: Buffer, to: 'pdf' | 'odt'): string {
  const dir = tempDir('roster-lo-');
  const file = path.join(dir, 'document.docx');
  writeFileSync(file, docx);
  // A profile of its own, so parallel conversions never share LibreOffice's lock.
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', dir, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const out = path.join(dir, `document.${to}`);
  if (!existsSync(out)) throw new Error(`LibreOffice 没有生成 ${to.toUpperCase()}：${file}`);
  return out;
}

export function docxToPdf(docx: Buffer): string {
  return convertDocx(docx, 'pdf');
}
