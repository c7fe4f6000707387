/**
 * Every 填报 form gives events `roster record` accepts as they are written: each form filled as a
 * clerk would, on the seed, built and validated by the same schema, then previewed against the record.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/app/clock.js';
import { parseEvents } from '../../src/app/parse-events.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { CONGRESS_FORM, EVENT_FORMS } from '../../src/console/forms/event-forms.js';
import { FormValues, type RawValues } from '../../src/console/forms/form-values.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { loadPinyin } from '../../src/search/pinyin.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { RULES_DIR, SEED_DATA, tempDir } from '../support/scenario.js';

// The search reads names' pinyin, which the application layer loads before it searches.
beforeAll(loadPinyin);

const filled: Record<string, RawValues> = {
  transfer: { person: '方勤', movement: 'moved', date: '2024-09-01' },
  resignation: { person: 'fq', date: '2024-09-01', submittedTo: 'electing-unit', acceptedBy: '鄞州区人大常委会', reason: '因工作岗位变动' },
  'ordered-resignation': { person: '方勤', date: '2025-09-01', acceptedBy: '鄞州区人大常委会' },
  recall: { person: '方勤', date: '2024-09-01', recalledBy: '鄞州区人大常委会' },
  death: { person: '方勤', date: '2024-09-01' },
  nationality: { person: '方勤', date: '2024-09-01' },
  'political-rights': { person: '方勤', date: '2024-09-01', judgment: '（测试）刑事判决书' },
  capacity: { person: '方勤', date: '2024-09-01' },
  absence: { person: '方勤', date: '2025-01-10', congressSession: '4' },
  'by-election': {
    name: '测试当选人',
    gender: '女',
    birthDate: '1980-05',
    electingUnit: '江北区',
    date: '2024-09-01',
    electedBy: '江北区人大常委会',
  },
  review: { person: '方勤', date: '2024-09-01', result: 'valid' },
  suspension: { person: '竺培楠', date: '2024-09-01', ground: 'non-custodial-measure' },
  'suspension-ended': { person: '竺培楠', date: '2024-09-20' },
  personnel: {
    person: '曹敬之',
    act: 'removed',
    organ0: 'ningbo-ndrc',
    title0: '主任',
    date: '2024-09-01',
    session: '19',
    item: '6',
    listKind: 'decided-appointments',
    proposer: 'mayor',
    position: '1',
  },
  'post-ended': { person: '方勤', organ: 'ningbo-sc', title: '副秘书长', date: '2024-09-01', how: '去世' },
  oath: { date: '2024-07-31', session: '19', persons: '方勤、汪闻勇', organisedBy: '宁波市人大常委会' },
  person: { name: '测试人员', affiliation: '测试单位' },
  organ: { name: '宁波市人大常委会测试委员会', kind: 'working-body', parent: 'ningbo-sc', localName: '测试委员会', shortForms: '测试委' },
  session: { session: '20', date: '2024-09-10', endDate: '2024-09-11', agenda: '1. 审议有关报告\n2、人事任免' },
  'opening-balance': { session: '19', date: '2024-07-31', count: '479' },
  announcement: { date: '2024-07-31', session: '19', noticeNumber: '〔十六届〕第十二号', persons: '朱欢、徐伟斌' },
  report: { date: '2024-07-31', session: '19', quota: '495', countAfter: '479' },
  correction: { supersedes: '109', reason: '重复记录（测试）' },
};

const source = { sourceTitle: '测试文件', sourceDate: '2024-09-01' };

describe('the 填报 forms', async () => {
  const db = path.join(tempDir(), 'roster.json');
  copyFileSync(SEED_DATA, db);
  const app = new RosterApp({ stream: new FileRecordStream(db), evaluator: createEvaluator(loadRuleBook(RULES_DIR)), clock: systemClock });
  const d = await app.derivation();

  it('has filled values for every form this test knows', () => {
    expect(EVENT_FORMS.map((f) => f.id).sort()).toEqual(Object.keys(filled).sort());
  });

  for (const form of EVENT_FORMS) {
    it(`${form.title}: gives events the record’s schema accepts`, async () => {
      const v = new FormValues({ ...filled[form.id], ...source }, {}, d.state);
      const events = parseEvents(
        form.build(v).map((e) => ({ ...e, source: { title: '测试文件', date: '2024-09-01' } })),
        '表单',
      );
      expect(v.problems).toEqual([]);
      const preview = await app.preview({ events });
      expect(preview.events.length).toBe(events.length);
    });
  }

  it('names each missing or wrong field by its Chinese label, all at once', () => {
    const form = EVENT_FORMS.find((f) => f.id === 'transfer')!;
    const v = new FormValues(
      { person: '无此人', date: '2024-13-01', movement: 'flew' },
      Object.fromEntries(form.fields.map((f) => [f.name, f.label])),
      d.state,
    );
    form.build(v);
    expect(v.problems.map((p) => p.message)).toEqual([
      '代表：记录中没有“无此人”',
      '情形：“flew”不是可选的值',
      '日期：“2024-13-01”不是有效日期（YYYY-MM-DD）',
    ]);
  });

  it('a new congress from its form: units with their quotas, one per line', () => {
    const v = new FormValues(
      {
        name: '甲县第一届人民代表大会',
        shortName: '县一届人大',
        termNumber: '1',
        level: 'county',
        region: '甲县',
        quota: '100',
        units: '甲镇 60\n乙乡：40',
      },
      {},
      d.state,
    );
    const [e] = parseEvents(
      CONGRESS_FORM.build(v).map((x) => ({ ...x, source: { title: '测试文件' } })),
      '表单',
    );
    expect(v.problems).toEqual([]);
    expect(e).toMatchObject({
      type: 'CongressConstituted',
      congress: {
        quota: 100,
        electingUnits: [
          { name: '甲镇', quota: 60 },
          { name: '乙乡', quota: 40 },
        ],
      },
    });
  });
});
