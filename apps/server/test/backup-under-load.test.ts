import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup } from '../src/platform/backup.js';
import { engine, type TestEnv, testDeps } from './support.js';

/**
 * DB-05 (issue #14, finding 1): the online backup must finish while another connection keeps writing. SQLite's
 * page-stepping backup API restarted on every write and never finished at 2 writes/s on a large database.
 */
describe.runIf(engine === 'sqlite')('DB-05: online backup under write load', () => {
  let t: TestEnv;
  let file: string;
  beforeAll(async () => {
    t = await testDeps();
    file = path.join(t.dir, 'tongxin.db');
    // ~120 MB of rows, so the copy takes long enough for many writes to land during it.
    await sql`create table filler (id integer primary key, data blob not null)`.execute(t.deps.db);
    const handle = t.deps.database.sqlite!;
    const insert = handle.prepare('insert into filler (data) values (randomblob(4000))');
    handle.transaction(() => {
      for (let i = 0; i < 30_000; i++) insert.run();
    })();
    await sql`create table writes (n integer primary key, at text not null)`.execute(t.deps.db);
  }, 120_000);
  afterAll(() => t.close());

  it('finishes with a writer committing every 10 ms, verifies itself, is 0600 and audited', async () => {
    // A second connection in another thread commits one row every 10 ms until told to stop.
    const writer = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const db = new (require(workerData.module))(workerData.file);
       db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 10000');
       const insert = db.prepare('insert into writes (at) values (?)');
       let stop = false; let n = 0;
       parentPort.on('message', () => { stop = true; });
       const tick = () => { if (stop) { db.close(); parentPort.postMessage(n); return; } insert.run(new Date().toISOString()); n++; setTimeout(tick, 10); };
       tick();`,
      { eval: true, workerData: { file, module: require.resolve('better-sqlite3') } },
    );
    await new Promise((r) => setTimeout(r, 200));
    const target = path.join(t.dir, 'backups', 'b1.db');
    const report = await backup(t.deps, target);
    const written = await new Promise<number>((resolve) => {
      writer.once('message', resolve);
      writer.postMessage('stop');
    });
    expect(written).toBeGreaterThan(20);
    expect(report.rows.filler).toBe(30_000);
    expect(report.rows.writes).toBeGreaterThan(0);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['result', 'detail'])
      .where('type', '=', 'system.backup')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.result).toBe('success');
    expect(JSON.parse(audited[0]!.detail).rows.filler).toBe(30_000);
  }, 120_000);

  it('a backup that cannot be written is audited as failed, with the reason', async () => {
    const blocker = path.join(t.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    await expect(backup(t.deps, path.join(blocker, 'b2.db'))).rejects.toThrow();
    const failed = await t.deps.db
      .selectFrom('audit_log')
      .select(['result', 'detail'])
      .where('type', '=', 'system.backup')
      .where('result', '=', 'failed')
      .execute();
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0]!.detail).reason).toBeTruthy();
  });
});
