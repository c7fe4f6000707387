import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../src/domain/events.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { congress, opening, person, session, src } from '../support/builders.js';
import { copyRules, given } from '../support/scenario.js';

const base: EventInput[] = [
  congress(),
  session(1, '2024-01-10'),
  person('a', '代表甲'),
  opening(10, '2024-01-10', [{ personId: 'a', electingUnit: '甲区' }], 1),
];
const detained: EventInput = {
  type: 'DeputySuspended',
  source: src('2024-04-01'),
  personId: 'a',
  date: '2024-04-01',
  ground: 'administrative-detention',
};

// biome-ignore lint/suspicious/noExplicitAny: tests edit arbitrary rule JSON the way a clerk would by hand
function edit(dir: string, file: string, change: (json: any) => void): string {
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, 'utf8'));
  change(json);
  writeFileSync(full, JSON.stringify(json, null, 2));
  return full;
}

function loadError(dir: string): string {
  try {
    loadRuleBook(dir);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the rule book loaded');
}

describe('the rules decide, and editing a rule file changes the outcome with no code change', () => {
  it('administrative detention does not suspend a deputy, until the rule file says it does', async () => {
    expect((await given([...base, detained])).status('a')).toBe('valid');
    const dir = copyRules();
    edit(dir, 'suspension/criminal-custody.json', (r) => {
      r.rule.conditions.all[1] = { fact: 'suspensionGround', operator: 'in', value: ['criminal-custody', 'administrative-detention'] };
    });
    edit(dir, 'suspension/measures-that-do-not-suspend.json', (r) => {
      r.rule.conditions.all[1].value = ['non-custodial-measure', 'judicial-detention'];
    });
    expect((await given([...base, detained], dir)).status('a')).toBe('suspended');
  });

  it('moving the date a revision takes effect moves the citation', async () => {
    const dir = copyRules();
    edit(dir, 'laws.json', (l) => {
      l.laws['代表法'].revisions.find((r: { id: string }) => r.id === '2025').inForce = '2025-03-13';
    });
    const event: EventInput = { type: 'DeputyRecalled', source: src('2025-03-12'), personId: 'a', date: '2025-03-12' };
    expect((await given([...base, event])).findingsFor('a')[0]?.citation.revision).toBe('2025');
    expect((await given([...base, event], dir)).findingsFor('a')[0]?.citation.revision).toBe('2015');
  });
});

describe('a broken rule file is refused, naming the file and the JSON path', () => {
  it('a file that is not JSON', () => {
    const dir = copyRules();
    writeFileSync(path.join(dir, 'deputy-status/recalled.json'), '{ "id": ');
    expect(loadError(dir)).toMatch(/deputy-status\/recalled\.json: 不是有效的 JSON/);
  });

  it('an unknown operator', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => (r.rule.conditions.all[0].operator = 'equals'));
    expect(loadError(dir)).toMatch(/deputy-status\/recalled\.json: \$\.rule\.conditions\.all\[0\]\.operator：未知的运算符 "equals"/);
  });

  it('an unknown fact', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => (r.rule.conditions.all[1].fact = 'status'));
    expect(loadError(dir)).toMatch(/\$\.rule\.conditions\.all\[1\]\.fact：未知的事实 "status"/);
  });

  it('an outcome the engine does not know', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => (r.rule.event.type = 'mandate-ended'));
    expect(loadError(dir)).toMatch(/recalled\.json: \$\.rule\.event\.type/);
  });

  it('a termination ground that does not exist', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => (r.rule.event.params.ground = 'fired'));
    expect(loadError(dir)).toMatch(/recalled\.json: \$\.rule\.event\.params\.ground/);
  });

  it('a revision the law timeline does not have', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => (r.citations[1].revisions = ['2011']));
    expect(loadError(dir)).toMatch(/recalled\.json: \$\.citations\[1\]\.revisions\[0\]：代表法没有“2011”修正文本/);
  });

  it('two citations in force over the same period', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => r.citations.push({ ...r.citations[2] }));
    expect(loadError(dir)).toMatch(/recalled\.json: \$\.citations：.*施行期间重叠/);
  });

  it('two files with the same rule id', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => (r.id = 'termination.died'));
    expect(loadError(dir)).toMatch(/\$\.id：规则编号“termination\.died”与 .*died\.json 重复/);
  });

  it('a precedence that names a rule that does not exist', () => {
    const dir = copyRules();
    edit(dir, 'deputy-status/recalled.json', (r) => (r.overrides = ['no.such.rule']));
    expect(loadError(dir)).toMatch(/recalled\.json: \$\.overrides\[0\]：没有编号为“no\.such\.rule”的规则/);
  });

  it('the CLI refuses a broken rules folder with exit 1 and the file named', async () => {
    const { run } = await import('../support/cli.js');
    const dir = copyRules();
    edit(dir, 'review/confirmed.json', (r) => delete r.citations);
    const result = run(['--rules', dir, 'headcount']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/错误：.*review\/confirmed\.json: \$\.citations：/);
  });
});

describe('precedence between rules is explicit', () => {
  const overlapping = (dir: string) =>
    edit(dir, 'deputy-status/political-rights-deprived.json', (r) => {
      r.rule.conditions.all[0].value = 'DeputySuspended';
      r.rule.conditions.all[1] = { fact: 'suspensionGround', operator: 'equal', value: 'serving-sentence' };
    });

  it('two rules reaching different outcomes for one event, with no overrides, stop with both files named', async () => {
    const dir = copyRules();
    overlapping(dir);
    await expect(given([...base, { ...detained, ground: 'serving-sentence' }], dir)).rejects.toThrow(
      /political-rights-deprived.*serving-sentence\.json|serving-sentence.*political-rights-deprived\.json/,
    );
  });

  it('a rule that overrides the other wins', async () => {
    const dir = copyRules();
    overlapping(dir);
    edit(dir, 'deputy-status/political-rights-deprived.json', (r) => (r.overrides = ['suspension.serving-sentence']));
    const g = await given([...base, { ...detained, ground: 'serving-sentence' }], dir);
    expect(g.status('a')).toBe('ended');
  });
});
