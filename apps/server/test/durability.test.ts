import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/connect.js';
import { engine } from './support.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 50;

/** Runs the child until it has acknowledged some rows, then SIGKILLs it at a random moment. */
function runAndKill(file: string, env: NodeJS.ProcessEnv): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/commit-loop.ts'), file], {
      env: { ...process.env, ...env },
    });
    const acknowledged: number[] = [];
    let buffer = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') continue;
        acknowledged.push(Number(line));
        if (!armed && acknowledged.length >= 5) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), Math.random() * 150);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`child exited without being killed (${_code})`)),
    );
  });
}

describe('DB-03 kill -9 never loses an acknowledged commit', () => {
  it.runIf(engine === 'sqlite')(
    `SQLite, ${RUNS} runs: every acknowledged number present, no gaps, integrity ok`,
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-kill-'));
      const file = path.join(dir, 'durability.db');
      try {
        for (let run = 0; run < RUNS; run += 1) {
          const acknowledged = await runAndKill(file, {});
          const database = await openDatabase({ databaseUrl: null, sqliteFile: file });
          const rows = await sql<{ n: number }>`select n from durability order by n`.execute(database.db);
          const present = rows.rows.map((r) => Number(r.n));
          expect(database.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
          await database.close();
          for (const n of acknowledged) expect(present).toContain(n);
          expect(present).toEqual(Array.from({ length: present.length }, (_, i) => i + 1));
          // Each run numbers from 1 again.
          const next = await openDatabase({ databaseUrl: null, sqliteFile: file });
          await sql`delete from durability`.execute(next.db);
          await next.close();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it.runIf(engine === 'postgres')(
    `PostgreSQL, ${RUNS} runs with the client killed`,
    async () => {
      const url = process.env.TEST_DATABASE_URL!;
      const name = `tx_kill_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      try {
        for (let run = 0; run < RUNS; run += 1) {
          const acknowledged = await runAndKill('', { DURABILITY_DATABASE_URL: target.toString() });
          const client = new pg.Client({ connectionString: target.toString() });
          await client.connect();
          const present = (await client.query('select n from durability order by n')).rows.map((r) => Number(r.n));
          for (const n of acknowledged) expect(present).toContain(n);
          expect(present).toEqual(Array.from({ length: present.length }, (_, i) => i + 1));
          await client.query('delete from durability');
          await client.end();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
    300_000,
  );
});
