/** The port through which the roster reads and appends its event log. */
import type { EventInput, RosterEvent } from '../domain/events.js';

export interface AppendRequest {
  readonly events: readonly EventInput[];
  readonly recordedBy: string;
  /** Who drafted the events in the console, when another account (`recordedBy`) approved them. */
  readonly draftedBy?: string;
  /** ISO timestamp of the recording (not a legal date). */
  readonly recordedAt: string;
  /** The last sequence number the writer saw; a different one in the store is a conflict. */
  readonly expectedSeq: number;
}

export interface EventStore {
  /** Where the log lives, for messages. */
  readonly location: string;
  read(): Promise<readonly RosterEvent[]>;
  append(request: AppendRequest): Promise<readonly RosterEvent[]>;
}

export function stamp(request: AppendRequest): RosterEvent[] {
  return request.events.map(
    (e, i) =>
      ({
        ...e,
        seq: request.expectedSeq + i + 1,
        recordedAt: request.recordedAt,
        recordedBy: request.recordedBy,
        ...(request.draftedBy !== undefined ? { draftedBy: request.draftedBy } : {}),
      }) as RosterEvent,
  );
}
