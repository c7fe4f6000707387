/**
 * The database driver is loaded only where a database is used: the bundled CLI reaches node-postgres
 * through a dynamic import alone, so a clerk working on a data file never loads it at start-up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

/**
 * The files the bundle loads at start-up: itself and what it imports statically, transitively, and
 * the command line's runner (`run-*.js`), which the bin imports once its guards are in place on every
 * start, with what that imports statically.
 */
function loadedAtStartUp(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*"(\.[^"]+)"/g))
      visit(path.resolve(path.dirname(file), m[1]!));
    for (const m of text.matchAll(/import\("(\.[^"]*\/run-[^"]+)"\)/g)) visit(path.resolve(path.dirname(file), m[1]!));
  };
  visit(entry);
  return seen;
}

describe('the database driver', () => {
  it('is not among the modules the CLI loads at start-up, and is bundled for when a database is named', () => {
    const startUp = loadedAtStartUp(CLI);
    expect(startUp.size).toBeGreaterThan(3);
    // node-postgres names its optional native binding: a mark of its code.
    expect([...startUp].filter(([, text]) => text.includes('pg-native')).map(([file]) => path.basename(file))).toEqual([]);
    const lazy = [...startUp].flatMap(([file, text]) =>
      [...text.matchAll(/import\("(\.[^"]+)"\)/g)].map((m) => path.resolve(path.dirname(file), m[1]!)),
    );
    const driver = lazy.filter((chunk) => readFileSync(chunk, 'utf8').includes('pg-native'));
    expect(driver).toHaveLength(1);
  });
});
