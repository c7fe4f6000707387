/**
 * Where the CLI reads its environment and writes its output: the process's own streams in the `roster`
 * bin, or memory when a test (or another program) runs the same commands in process (`runCli`).
 * Everything a command prints goes through here, so that what reaches a terminal is made safe in one
 * place (src/domain/display-text.ts) and a reader that stops early ends the output quietly.
 */

export interface OutputStream {
  write(chunk: string | Uint8Array): void;
  /** A person is watching (progress bars only then). */
  readonly isTTY?: boolean;
  /** Resolves once the stream can take more (a long output waits for a slow reader); absent in memory. */
  drained?(): Promise<void>;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The environment the command reads (ROSTER_DB, ROSTER_RULES, ROSTER_USER, ROSTER_DEBUG, HOME, XDG_DATA_HOME). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Output kept in memory, for running the CLI in process. */
export interface MemoryIO extends CliIO {
  readonly out: () => string;
  readonly err: () => string;
  /** What was written to stdout, as bytes (for binary output). */
  readonly outBytes: () => Buffer;
}

export function memoryIO(env: Readonly<Record<string, string | undefined>> = {}): MemoryIO {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (into: Buffer[]): OutputStream => ({
    write: (chunk) => {
      into.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    },
    isTTY: false,
  });
  return {
    stdout: sink(out),
    stderr: sink(err),
    env,
    out: () => Buffer.concat(out).toString('utf8'),
    err: () => Buffer.concat(err).toString('utf8'),
    outBytes: () => Buffer.concat(out),
  };
}

/**
 * One of the process's streams, guarded: a reader that has gone away (EPIPE: `roster export | head -1`)
 * ends the output quietly and later writes are dropped, so the command finishes with its own exit
 * code; any other failure to write (a full disk behind `> file`) is kept for the exit code and told
 * once on stderr.
 */
export function guardedStream(stream: NodeJS.WriteStream, onFailure: (e: NodeJS.ErrnoException) => void): OutputStream {
  let closed = false;
  const fail = (e: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (e.code !== 'EPIPE') onFailure(e);
  };
  stream.on('error', fail);
  return {
    get isTTY() {
      return stream.isTTY === true;
    },
    write(chunk) {
      if (closed) return;
      try {
        stream.write(chunk);
      } catch (e) {
        fail(e as NodeJS.ErrnoException);
      }
    },
    drained() {
      if (closed || !stream.writableNeedDrain) return Promise.resolve();
      return new Promise<void>((ok) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          ok();
        };
        stream.on('drain', done);
        stream.on('error', done);
        stream.on('close', done);
      });
    },
  };
}
