/**
 * The catalog of a data file: exactly one congress, named after the file (`ningbo-16.json` holds
 * `ningbo-16`). It keeps no read models, so every question across congresses is answered by deriving
 * its one record; what only a database can hold (more congresses, person links, a schema) is refused
 * with a message saying so.
 */
import path from 'node:path';
import { DomainError } from '../domain/errors.js';
import type { AccountStore } from './account-store.js';
import type { DraftStore } from './draft-store.js';
import { FileAccountStore } from './file-account-store.js';
import { FileDraftStore } from './file-draft-store.js';
import { FileReplayStore } from './file-replay-store.js';
import { FileRecordStream } from './file-store.js';
import type { CongressEntry, FiguresAnswer, LinkedPerson, MigrationReport, RecordCatalog } from './record-catalog.js';
import type { RecordStream } from './record-store.js';
import type { ReplayStore } from './replay-store.js';

const DATABASE_ONLY = '只有数据库（--db postgres://…）能保存多个代表大会';

export class FileCatalog implements RecordCatalog {
  readonly location: string;
  readonly #stream: FileRecordStream;

  constructor(file: string) {
    this.location = file;
    this.#stream = new FileRecordStream(file);
  }

  /** The congress's id: the file's name without its extension. */
  get id(): string {
    return path.basename(this.location).replace(/\.[^.]*$/, '');
  }

  stream(id?: string): RecordStream {
    if (id !== undefined && id !== this.id) {
      throw new DomainError(
        'invalid-input',
        `数据文件只保存一个代表大会（${this.id}）；--congress 用于数据库（--db postgres://…）`,
        this.location,
      );
    }
    return this.#stream;
  }

  async congresses(): Promise<CongressEntry[]> {
    return [{ id: this.id, head: await this.#stream.head() }];
  }

  async create(): Promise<void> {
    throw new DomainError('invalid-input', `数据文件只保存一个代表大会；${DATABASE_ONLY}`, this.location);
  }

  async figures(): Promise<FiguresAnswer> {
    return { figures: [], stale: [this.id] };
  }

  async storeViews(): Promise<boolean> {
    return false;
  }

  async link(): Promise<void> {
    throw new DomainError('invalid-input', `同一人在多个代表大会的关联只保存在数据库中；${DATABASE_ONLY}`, this.location);
  }

  async linked(): Promise<LinkedPerson[]> {
    throw new DomainError('invalid-input', `同一人在多个代表大会的关联只保存在数据库中；${DATABASE_ONLY}`, this.location);
  }

  /** A file next to the data file (`FILE.accounts.json`). */
  accounts(): AccountStore {
    return new FileAccountStore(this.location);
  }

  /** A file next to the data file (`FILE.drafts.json`): the file holds the one congress. */
  drafts(): DraftStore {
    return new FileDraftStore(this.location);
  }

  /** Files in a folder next to the data file (`FILE.cache/`). */
  replays(): ReplayStore {
    return new FileReplayStore(this.location);
  }

  async migrate(): Promise<MigrationReport> {
    throw new DomainError('invalid-input', 'roster db migrate 用于数据库（--db postgres://…）；数据文件不需要迁移', this.location);
  }

  async close(): Promise<void> {}
}
