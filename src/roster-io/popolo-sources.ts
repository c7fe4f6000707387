/**
 * Popolo `sources`: the documents the recorded events come from (a report, a decision, minutes),
 * one per document however many events cite it, each with the events' seqs (`event_seqs`, an
 * extension) so that a reader can find them in the record.
 */
import type { RosterView } from './roster-view.js';

export interface PopoloSource {
  /** 宁波市第十六届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告（常委会第19次会议，2024-07-31） */
  readonly note: string;
  readonly event_seqs: number[];
}

/** Gives `{ sources: [...] }` for the events with these seqs, or nothing when none has a source. */
export type Sources = (seqs: readonly number[]) => { sources?: PopoloSource[] };

export function sourcesOf(view: RosterView): Sources {
  return (seqs) => {
    const byNote = new Map<string, PopoloSource>();
    for (const seq of seqs) {
      const doc = view.sourceOf(seq);
      if (!doc) continue;
      const where = [doc.session ? `常委会第${doc.session}次会议` : undefined, doc.date].filter(Boolean).join('，');
      const note = where ? `${doc.title}（${where}）` : doc.title;
      const entry = byNote.get(note) ?? { note, event_seqs: [] };
      entry.event_seqs.push(seq);
      byNote.set(note, entry);
    }
    return byNote.size > 0 ? { sources: [...byNote.values()] } : {};
  };
}
