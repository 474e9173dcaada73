import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface TestServer {
  url: string;
  dataDir: string;
  /** The bootstrap admin's password (fresh install only). */
  bootstrapPassword: string | null;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/** Starts `tongxin start` on a fresh data directory and a free port; resolves once /api/health answers. */
export async function startServer({ demo, env = {} }: { demo: boolean; env?: Record<string, string> }): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['tsx', 'apps/server/src/cli.ts', 'start', ...(demo ? [] : ['--no-demo'])];
  // Its own process group, so stop() ends npx, tsx and node together and nothing else.
  const child = spawn('npx', args, {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
  });

  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      if (!(await exited(child, 5_000))) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
        await exited(child, 2_000);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`服务启动失败：\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`服务启动超时：\n${out}`);
    }
    await sleep(300);
  }
  // The start banner (with the bootstrap password) is printed right after listen().
  for (let i = 0; i < 20 && !out.includes('已启动'); i++) await sleep(100);
  const password = /初始密码：(\S+)/.exec(out)?.[1] ?? null;
  return { url, dataDir, bootstrapPassword: password, output: () => out, stop };
}
