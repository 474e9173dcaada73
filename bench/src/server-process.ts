import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SqlTime } from './sql-timer.js';

export interface RunningServer {
  port: number;
  /** A bare Fastify in the same process with one route, GET /floor (see server.ts). */
  floorPort: number;
  pid: number;
  /** SQL time the server has spent since the last reset (see sql-timer.ts). */
  sqlTime(): Promise<SqlTime>;
  resetSqlTime(): Promise<void>;
  stop(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Forks bench/src/server.ts (under the same tsx loader as this process) and waits for its port. */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const child = fork(SERVER_SCRIPT, [dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Never leave the server behind, whatever way this process ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const { port, floorPort } = await new Promise<{ port: number; floorPort: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; floorPort: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited before listening (code ${code})`)));
  });
  return {
    port,
    floorPort,
    pid: child.pid!,
    sqlTime: async () => (await fetch(`http://127.0.0.1:${floorPort}/sql-time`)).json() as Promise<SqlTime>,
    async resetSqlTime() {
      await fetch(`http://127.0.0.1:${floorPort}/sql-time/reset`, { method: 'POST' });
    },
    async stop() {
      process.off('exit', killOnExit);
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** Signs in over HTTP like the browser does; returns the `tongxin=<token>` cookie. */
export async function signIn(port: number, username: string, password: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('tongxin='));
  if (!cookie) throw new Error('login set no tongxin cookie');
  const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`GET /api/auth/me after login: ${me.status}`);
  return cookie;
}
