/**
 * A clerk runs `roster` many times a day: the bundle loads at start-up only what every command
 * needs. The spreadsheet and Word libraries sit in chunks loaded by the commands that use them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

/** The files a module loads as it starts: its static imports of other chunks, and theirs. */
function loadedAtStart(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(?:import\s[^;]*?from\s|import\s)"(\.[^"]+)";?$/gm)) {
    const next = path.resolve(path.dirname(file), m[1]!);
    if (!seen.has(next)) loadedAtStart(next, seen);
  }
  return seen;
}

describe('the roster command at start-up', () => {
  it('does not load exceljs or docx (only import-roster, export-roster and doc --format docx do)', () => {
    const files = [...loadedAtStart(CLI)];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes('node_modules/exceljs/'), path.basename(file)).toBe(false);
      expect(text.includes('node_modules/docx/'), path.basename(file)).toBe(false);
    }
  });
});
