/**
 * The contract every adapter of the record port keeps, as one suite to run against each of them:
 * `recordStreamContract('file', factory)`. A factory gives a fresh, empty stream and a tamperer that
 * changes the stored records behind the stream's back, as someone with access to the storage could
 * (the file's lines, the database's rows), leaving the store's own bookkeeping as it was.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { readRecord } from '../../src/app/read-record.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { verifyStream } from '../../src/app/verify.js';
import { isDomainError } from '../../src/domain/errors.js';
import type { EventInput } from '../../src/domain/events.js';
import { EMPTY_HEAD, GENESIS } from '../../src/store/chain.js';
import type { Head, RecordStream, StoredRecord } from '../../src/store/record-store.js';
import { chained, stamp } from '../../src/store/stored-records.js';
import { congress, opening, person as personEvent, session } from '../support/builders.js';
import { evaluator } from '../support/scenario.js';
import { runWriter, seeded } from '../support/writers.js';

export interface Tamperer {
  /** Change what record `seq` says, keeping the hash it was recorded with. */
  edit(seq: number, change: (record: Record<string, unknown>) => Record<string, unknown>): Promise<void>;
  remove(seq: number): Promise<void>;
  /** Store a copy of record `seq` again right after record `after`. */
  duplicate(seq: number, after: number): Promise<void>;
  swap(a: number, b: number): Promise<void>;
  /** Cut the records from `seq` on. */
  truncateFrom(seq: number): Promise<void>;
  /** Put back the store's bookkeeping as it was when record `seq` was the last committed (an older copy). */
  rewindHead(seq: number): Promise<void>;
  /** Lose the store's bookkeeping of its committed head altogether. */
  dropHead(): Promise<void>;
}

/** How a store's next append is made to fail in its storage: a write that fails, a flush that fails, a write cut short and then refused. */
export type Fault = 'write' | 'sync' | 'short';

export interface ContractSubject {
  readonly stream: RecordStream;
  readonly tamper: Tamperer;
  /** How another process reaches the same stream (a data file, a database URL and congress); absent for memory. */
  readonly writer?: { readonly db: string; readonly congress?: string };
  /** Make the next append fail as its storage can (absent for a store with no storage to fail: memory, a database). */
  readonly failNextAppend?: (fault: Fault) => void;
}

const person = (id: string): EventInput => ({ type: 'PersonRegistered', source: { title: '测试文件' }, personId: id, name: `人员${id}` });

/** Records that continue `head`: the persons `ids`, stamped and chained as `roster record` does. */
function recordsAfter(head: Head, ids: readonly string[]): StoredRecord[] {
  return chained(stamp(ids.map(person), { recordedBy: '测试员', recordedAt: '2026-01-01T00:00:00.000Z' }, head.seq), head);
}

/** The whole export as one text, as `roster export` writes it. */
async function exportText(app: RosterApp): Promise<string> {
  let text = '';
  for await (const chunk of (await app.exportRecord()).chunks) text += chunk;
  return text;
}

async function all(stream: RecordStream): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for await (const r of (await stream.snapshot()).records()) out.push(r);
  return out;
}

/** A stream holding five records, appended in two batches. */
async function filled(subject: ContractSubject): Promise<StoredRecord[]> {
  const first = recordsAfter(EMPTY_HEAD, ['a', 'b']);
  const head = await subject.stream.append(first, EMPTY_HEAD);
  const second = recordsAfter(head, ['c', 'd', 'e']);
  await subject.stream.append(second, head);
  return [...first, ...second];
}

export function recordStreamContract(name: string, fresh: () => Promise<ContractSubject>): void {
  describe(`the record port, kept by the ${name} store`, () => {
    it('an empty stream has the empty head and no records', async () => {
      const { stream } = await fresh();
      expect(await stream.head()).toEqual(EMPTY_HEAD);
      expect(await all(stream)).toEqual([]);
      expect(EMPTY_HEAD).toEqual({ seq: 0, hash: GENESIS });
    });

    it('appended records are read back as they were written, and the head is the last of them', async () => {
      const subject = await fresh();
      const written = await filled(subject);
      expect(await all(subject.stream)).toEqual(written);
      expect(await subject.stream.head()).toEqual({ seq: 5, hash: written[4]!.hash });
    });

    it('an append expecting a head the stream no longer has is a conflict, and nothing is written', async () => {
      const subject = await fresh();
      const written = await filled(subject);
      const stale = { seq: 2, hash: String(written[1]!.hash) };
      const late = recordsAfter(stale, ['late']);
      const refused = await subject.stream.append(late, stale).catch((e: unknown) => e);
      expect(isDomainError(refused, 'store-conflict')).toBe(true);
      expect((refused as Error).message).toContain('记录已被他人更新（预期最后序号 2，实为 5），请重试');
      expect(await all(subject.stream)).toEqual(written);
    });

    it('of two writers appending after the same head at once, one lands and the other is told of the conflict', async () => {
      const subject = await fresh();
      const head = await subject.stream.append(recordsAfter(EMPTY_HEAD, ['a']), EMPTY_HEAD);
      const outcomes = await Promise.allSettled([
        subject.stream.append(recordsAfter(head, ['x']), head),
        subject.stream.append(recordsAfter(head, ['y']), head),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(isDomainError(lost.reason, 'store-conflict')).toBe(true);
      expect((await all(subject.stream)).map((r) => r.seq)).toEqual([1, 2]);
      expect((await verifyStream(subject.stream)).ok).toBe(true);
    });

    it('records that do not continue the expected head (a gap, a foreign hash) are refused', async () => {
      const subject = await fresh();
      const head = await subject.stream.append(recordsAfter(EMPTY_HEAD, ['a']), EMPTY_HEAD);
      const gap = recordsAfter({ seq: 2, hash: head.hash }, ['b']);
      await expect(subject.stream.append(gap, head)).rejects.toThrow();
      const foreign = recordsAfter({ seq: 1, hash: GENESIS }, ['b']);
      await expect(subject.stream.append(foreign, head)).rejects.toThrow();
      expect(await all(subject.stream)).toHaveLength(1);
    });

    it('a snapshot holds the records committed when it was taken, whatever is appended after', async () => {
      const subject = await fresh();
      const written = await filled(subject);
      const snap = await subject.stream.snapshot();
      await subject.stream.append(recordsAfter(await subject.stream.head(), ['f']), await subject.stream.head());
      const seen: StoredRecord[] = [];
      for await (const r of snap.records()) seen.push(r);
      expect(seen).toEqual(written);
      expect(snap.committed).toEqual({ seq: 5, hash: written[4]!.hash });
      // Its last records, read from the end, are those of what it saw too.
      expect(await snap.tail(2)).toEqual(written.slice(3));
    });

    it("a snapshot's tail is its last records in order, the batches' ends skipped; fewer where there are fewer", async () => {
      const subject = await fresh();
      expect(await (await subject.stream.snapshot()).tail(2)).toEqual([]);
      const written = await filled(subject);
      const snap = await subject.stream.snapshot();
      expect(await snap.tail(1)).toEqual(written.slice(4));
      expect(await snap.tail(4)).toEqual(written.slice(1));
      expect(await snap.tail(9)).toEqual(written);
      expect(await snap.tail(0)).toEqual([]);
    });

    it('a whole record imported into an empty stream reads back the same, and verifies; a stream with records refuses an import', async () => {
      const source = await fresh();
      const written = await filled(source);
      const target = await fresh();
      expect(await target.stream.importRecords(await all(source.stream))).toEqual({ seq: 5, hash: written[4]!.hash });
      expect(await all(target.stream)).toEqual(written);
      expect(await verifyStream(target.stream)).toEqual(expect.objectContaining({ ok: true, count: 5, headHash: written[4]!.hash }));
      const again = await target.stream.importRecords(written).catch((e: unknown) => e);
      expect(isDomainError(again, 'invalid-input')).toBe(true);
      expect(await all(target.stream)).toEqual(written);
    });

    describe('a failed write, before anything is acknowledged', () => {
      for (const fault of ['write', 'sync', 'short'] as const) {
        it(`(${fault}) is rolled back: the writer is told nothing was recorded, the head and records are as before, the next append lands`, async (ctx) => {
          const subject = await fresh();
          if (!subject.failNextAppend) ctx.skip();
          const written = await filled(subject);
          const head = await subject.stream.head();
          subject.failNextAppend!(fault);
          const failed = await subject.stream.append(recordsAfter(head, ['lost']), head).catch((e: unknown) => e);
          expect(isDomainError(failed, 'store-failed')).toBe(true);
          expect((failed as Error).message).toContain('本次事件没有记录');
          expect(await subject.stream.head()).toEqual(head);
          expect(await all(subject.stream)).toEqual(written);
          expect((await verifyStream(subject.stream)).ok).toBe(true);
          const next = recordsAfter(head, ['kept']);
          await subject.stream.append(next, head);
          expect(await all(subject.stream)).toEqual([...written, ...next]);
          expect((await verifyStream(subject.stream)).ok).toBe(true);
        });
      }
    });

    describe('the head the store keeps, held against its records', () => {
      it('put back from an older copy: verify names the records past it, append is refused and sets nothing aside, reanchoring brings it back', async () => {
        const subject = await fresh();
        const written = await filled(subject);
        const head = await subject.stream.head();
        await subject.tamper.rewindHead(2);
        const report = await verifyStream(subject.stream);
        expect(report.ok).toBe(false);
        expect(report.problem).toEqual(expect.objectContaining({ kind: 'unanchored', seq: 3 }));
        const refused = await readRecord(subject.stream);
        expect(refused.problem).toContain('头部记录的最后提交为第2条，但其后还有第3至5条事件');
        expect(await all(subject.stream)).toEqual(written);
        await expect(subject.stream.append(recordsAfter(head, ['f']), head)).rejects.toThrow();
        await expect(
          subject.stream.append(recordsAfter({ seq: 2, hash: String(written[1]!.hash) }, ['f']), {
            seq: 2,
            hash: String(written[1]!.hash),
          }),
        ).rejects.toThrow();
        expect(await all(subject.stream)).toEqual(written);
        await subject.stream.reanchor(head);
        expect(await verifyStream(subject.stream)).toEqual(expect.objectContaining({ ok: true, count: 5 }));
        await subject.stream.append(recordsAfter(head, ['f']), head);
        expect(await all(subject.stream)).toHaveLength(6);
      });

      it('lost: verify says the end cannot be vouched for, append is refused, reanchoring at the verified end brings it back', async () => {
        const subject = await fresh();
        const written = await filled(subject);
        const head = await subject.stream.head();
        await subject.tamper.dropHead();
        await subject.tamper.truncateFrom(5);
        const report = await verifyStream(subject.stream);
        expect(report).toEqual(expect.objectContaining({ ok: false, anchor: 'missing', count: 4 }));
        expect(report.problem).toEqual(expect.objectContaining({ kind: 'head-missing' }));
        expect(report.problem!.message).toContain(`现存最后一条为第4条，哈希 ${written[3]!.hash}`);
        await expect(subject.stream.append(recordsAfter(head, ['f']), head)).rejects.toThrow();
        const end = { seq: 4, hash: String(written[3]!.hash) };
        await expect(subject.stream.reanchor(head)).rejects.toThrow();
        await subject.stream.reanchor(end);
        expect(await verifyStream(subject.stream)).toEqual(expect.objectContaining({ ok: true, count: 4 }));
      });

      it('snapshots taken while a writer appends always verify: none sees a head its records do not reach', async () => {
        const subject = await fresh();
        let head = await subject.stream.append(recordsAfter(EMPTY_HEAD, ['a']), EMPTY_HEAD);
        const writing = (async () => {
          for (let i = 0; i < 25; i++) head = await subject.stream.append(recordsAfter(head, [`w${i}`, `v${i}`]), head);
        })();
        const reports: { ok: boolean }[] = [];
        let done = false;
        void writing.then(() => (done = true));
        while (!done || reports.length < 20) reports.push(await verifyStream(subject.stream));
        await writing;
        expect(reports.filter((r) => !r.ok)).toEqual([]);
        expect((await verifyStream(subject.stream)).count).toBe(51);
      });
    });

    describe('verify, after the stored records were changed outside the program', () => {
      const tampered = async (change: (t: Tamperer) => Promise<void>) => {
        const subject = await fresh();
        await filled(subject);
        await change(subject.tamper);
        return verifyStream(subject.stream);
      };

      it('untouched: the chain holds, and the hash of the last record anchors it', async () => {
        const subject = await fresh();
        const written = await filled(subject);
        expect(await verifyStream(subject.stream)).toEqual(expect.objectContaining({ ok: true, count: 5, headHash: written[4]!.hash }));
      });

      it('an edited record is named by its seq', async () => {
        const r = await tampered((t) => t.edit(3, (x) => ({ ...x, name: '改过的名字' })));
        expect(r.problem).toEqual(expect.objectContaining({ kind: 'edited', seq: 3 }));
        expect(r.ok).toBe(false);
      });

      it('a removed record is named by the seq that is missing', async () => {
        const r = await tampered((t) => t.remove(2));
        expect(r.problem).toEqual(expect.objectContaining({ kind: 'removed', seq: 2 }));
      });

      it('a record stored twice is named where the copy stands', async () => {
        const r = await tampered((t) => t.duplicate(2, 3));
        expect(r.problem).toEqual(expect.objectContaining({ kind: 'inserted', seq: 4 }));
      });

      it('two records swapped are named at the first of them', async () => {
        const r = await tampered((t) => t.swap(2, 4));
        expect(r.problem).toEqual(expect.objectContaining({ kind: 'reordered', seq: 2 }));
      });

      it('records cut off the end are caught by the committed head', async () => {
        const r = await tampered((t) => t.truncateFrom(4));
        expect(r.problem).toEqual(expect.objectContaining({ kind: 'truncated', seq: 4 }));
      });
    });
    describe('the record kept through the application', () => {
      const app = (stream: RecordStream) => new RosterApp({ stream, evaluator, clock: fixedClock('2026-01-01T00:00:00.000Z') });
      const constituted: EventInput[] = [
        congress({ quota: 10 }),
        session(1, '2025-01-10'),
        personEvent('a', '甲'),
        personEvent('b', '乙'),
        opening(
          2,
          '2025-01-10',
          [
            { personId: 'a', electingUnit: '甲区' },
            { personId: 'b', electingUnit: '乙区' },
          ],
          1,
        ),
      ];
      const death: EventInput = {
        type: 'DeputyDied',
        source: { title: '测试文件', date: '2025-06-01' },
        personId: 'a',
        date: '2025-06-01',
      };

      it('a correction withdraws an event from the count, and both stay in the record', async () => {
        const { stream } = await fresh();
        const roster = app(stream);
        await roster.record({ events: [...constituted, death], recordedBy: '测试员' });
        expect((await roster.headcount({ asOf: '2025-07-01' })).countAfter).toBe(1);
        await roster.correct({ seq: 6, reason: '误记', source: { title: '测试文件' }, recordedBy: '测试员' });
        expect((await roster.headcount({ asOf: '2025-07-01' })).countAfter).toBe(2);
        expect((await all(stream)).map((r) => r.type)).toEqual([...constituted.map((e) => e.type), 'DeputyDied', 'EventCorrected']);
        expect((await verifyStream(stream)).ok).toBe(true);
      });

      it('an export imported into an empty stream exports again byte for byte, and counts the same', async () => {
        const source = app((await fresh()).stream);
        await source.record({ events: [...constituted, death], recordedBy: '测试员' });
        const exported = await exportText(source);
        const target = app((await fresh()).stream);
        expect(await target.importRecord({ name: 'export.json', text: exported })).toEqual(expect.objectContaining({ count: 6 }));
        expect(await exportText(target)).toBe(exported);
        expect(await target.headcount({ asOf: '2025-07-01' })).toEqual(await source.headcount({ asOf: '2025-07-01' }));
      });
    });
    it('a writer killed (SIGKILL) in the middle of its appends leaves every acknowledged record once, and nothing half-written', async (context) => {
      const subject = await fresh();
      if (!subject.writer) return context.skip();
      const { db, congress } = subject.writer;
      const random = seeded(20261130);
      const acked: string[] = [];
      let midAppend = 0;
      // Kills spread over reading the head and appending, until two have fallen inside an append (at most 30 rounds).
      for (let round = 0; round < 30 && (round < 6 || midAppend < 2); round++) {
        const run = await runWriter(db, `k${round}`, 100_000, congress, 20 + Math.floor(random() * 200));
        acked.push(...run.acked);
        if (run.midAppend) midAppend++;
      }
      expect(midAppend, 'kills that fell inside an append').toBeGreaterThanOrEqual(2);
      const after = await runWriter(db, 'after', 1, congress);
      expect(after.code, after.stderr).toBe(0);
      const ids = (await all(subject.stream)).map((r) => r.personId);
      for (const id of [...acked, ...after.acked])
        expect(
          ids.filter((x) => x === id),
          id,
        ).toHaveLength(1);
      expect(await verifyStream(subject.stream)).toEqual(expect.objectContaining({ ok: true, count: ids.length }));
    }, 300_000);
  });
}
