/**
 * A throw-away PostgreSQL cluster for the tests and the benchmarks: Debian's server binaries
 * (`postgresql`), a data folder under the system's temporary folder, a free port on 127.0.0.1, trust
 * authentication (nothing but this machine can reach it), stopped and removed at the end.
 *
 * initdb refuses to run as root, and CI runs as root: there the server binaries run as the
 * unprivileged `postgres` user the Debian package creates (else `nobody`), which owns the folder.
 * Plain Node, no vitest: `npm run bench` starts one too.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The folder of initdb, pg_ctl and postgres: $PG_BIN, else the newest /usr/lib/postgresql/N/bin; undefined where none is installed. */
export function postgresBin(): string | undefined {
  const given = process.env.PG_BIN;
  if (given) return existsSync(path.join(given, 'initdb')) ? given : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

/** The user the server runs as: ourselves, unless we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const entry = passwd.find((l) => l.startsWith(`${name}:`))?.split(':');
    if (entry) return { uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('running as root and no postgres or nobody user to run the PostgreSQL server as');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  readonly port: number;
  /** A connection URL for `user` (default: the superuser `postgres`) to `database` (default: postgres). */
  url(database?: string, user?: string): string;
  stop(): void;
}

export async function startCluster(bin: string): Promise<Cluster> {
  const user = serverUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const r = spawnSync(path.join(bin, tool), args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir, LC_ALL: 'C.UTF-8' },
      ...(user ?? {}),
    });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  return {
    port,
    url: (database = 'postgres', role = 'postgres') => `postgres://${role}@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
