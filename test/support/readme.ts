/** The shell examples of README.md, by section, one command a line with comments dropped. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './scenario.js';

export interface ReadmeExample {
  /** The `## ` heading the block is under. */
  readonly section: string;
  readonly command: string;
}

export function readmeExamples(): ReadmeExample[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const out: ReadmeExample[] = [];
  for (const part of readme.split(/\n(?=## )/)) {
    const section = part.match(/^## (.+)/)?.[1]?.trim() ?? '';
    for (const block of part.matchAll(/```sh\n([\s\S]*?)```/g)) {
      for (const line of block[1]!.split('\n')) {
        const command = line.replace(/\s+#.*$/, '').trim();
        if (command) out.push({ section, command });
      }
    }
  }
  return out;
}

/** The examples of the section whose heading starts so. */
export const examplesIn = (section: string) =>
  readmeExamples()
    .filter((e) => e.section.startsWith(section))
    .map((e) => e.command);
