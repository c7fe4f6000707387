/** LibreOffice (`.ci/run` installs libreoffice-writer-nogui) turns a Word file into PDF, as a clerk's office suite would print it. */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './scenario.js';

export function docxToPdf(docx: Buffer): string {
  const dir = tempDir('roster-lo-');
  const file = path.join(dir, 'document.docx');
  writeFileSync(file, docx);
  // A profile of its own, so parallel conversions never share LibreOffice's lock.
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.join(dir, 'document.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice 没有生成 PDF：${file}`);
  return pdf;
}
