import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { dataFileJsonSchema } from '../../src/store/json-schema.js';
import { run } from '../support/cli.js';
import { ROOT, SEED_DATA, tempDir } from '../support/scenario.js';

const committed = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'roster.schema.json'), 'utf8'));

describe('the documented interchange format', () => {
  it('the committed JSON Schema is the one the program validates with (regenerate with `roster schema`)', () => {
    expect(committed).toEqual(dataFileJsonSchema());
    expect(JSON.parse(run(['schema']).stdout)).toEqual(committed);
  });

  it('the embedded data and the example validate against the JSON Schema, and a broken file does not', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(committed);
    for (const file of [SEED_DATA, path.join(ROOT, 'schema', 'example.json')]) {
      const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validate({ format: 'deputy-roster', schemaVersion: 1, events: [{ seq: 1, type: 'DeputyDied' }] })).toBe(false);
  });

  it('the example runs: another system can produce a history and run it', () => {
    // A copy: the program keeps its replay beside the data file, which must not land in the source tree.
    const example = path.join(tempDir(), 'example.json');
    copyFileSync(path.join(ROOT, 'schema', 'example.json'), example);
    const result = run(['--db', example, '--json', 'headcount']);
    expect(JSON.parse(result.stdout)).toMatchObject({ quota: 200, countAfter: 198, terminated: { count: 1 } });
  });
});
