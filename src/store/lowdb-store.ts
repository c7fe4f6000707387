/**
 * The embedded default store: one JSON file through lowdb. `new Low(new JSONFile(…))` on purpose:
 * `JSONFilePreset` keeps data in memory when NODE_ENV=test, which would hide real writes in tests.
 */
import { existsSync } from 'node:fs';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { DomainError } from '../domain/errors.js';
import type { RosterEvent } from '../domain/events.js';
import { emptyDataFile, parseDataFile, SCHEMA_VERSION, type DataFile } from './data-file.js';
import { stamp, type AppendRequest, type EventStore } from './event-store.js';

export class LowdbEventStore implements EventStore {
  readonly location: string;
  readonly #db: Low<DataFile>;

  constructor(file: string) {
    this.location = file;
    this.#db = new Low<DataFile>(new JSONFile<DataFile>(file), emptyDataFile());
  }

  async #load(): Promise<DataFile> {
    if (!existsSync(this.location)) throw new DomainError('invalid-data-file', '数据文件不存在', this.location);
    try {
      await this.#db.read();
    } catch (e) {
      throw new DomainError('invalid-data-file', `不是有效的 JSON：${(e as Error).message}`, this.location);
    }
    return parseDataFile(this.#db.data, this.location);
  }

  async read(): Promise<readonly RosterEvent[]> {
    return (await this.#load()).events;
  }

  async append(request: AppendRequest): Promise<readonly RosterEvent[]> {
    const data = await this.#load();
    const last = data.events.length;
    if (last !== request.expectedSeq) {
      throw new DomainError('store-conflict', `记录已被他人更新（预期最后序号 ${request.expectedSeq}，实为 ${last}），请重试`, this.location);
    }
    const added = stamp(request);
    this.#db.data = { format: 'deputy-roster', schemaVersion: SCHEMA_VERSION, events: [...data.events, ...added] };
    await this.#db.write();
    return added;
  }
}
