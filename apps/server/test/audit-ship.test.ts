import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundJobs } from '../src/entry/background-jobs.js';
import { GENESIS_HASH } from '../src/platform/audit/chain.js';
import { shipAuditLog } from '../src/platform/audit/ship-audit.js';
import { loadConfig } from '../src/platform/config.js';
import { addUser, signIn, standardTree, testApp } from './support.js';

/** AUD-07: the audit log is copied, in order and exactly once, to a JSON-lines sink in another directory. */
let t: Awaited<ReturnType<typeof testApp>>;
let sinkDir: string;
let sink: string;

beforeAll(async () => {
  t = await testApp();
  sinkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-audit-sink-'));
  sink = path.join(sinkDir, 'audit', 'tongxin-audit.jsonl');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(sinkDir, { recursive: true, force: true });
});

const lines = () =>
  fs
    .readFileSync(sink, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { seq: number; type: string; prev_hash: string; hash: string });
const entries = () => t.deps.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq').execute();

describe('AUD-07: shipping the audit log', () => {
  it('copies every committed entry once, in order, with the chain that links them', async () => {
    const tree = await standardTree(t.deps);
    await addUser(t.deps, 'ship_user', [{ role: 'secretary', orgId: tree.branchA1 }]);
    await signIn(t.app, 'ship_user');
    const before = await entries();
    expect(before.length).toBeGreaterThan(0);

    expect(await shipAuditLog(t.deps.db, sink)).toBe(before.length);
    expect(await shipAuditLog(t.deps.db, sink)).toBe(0);
    const copied = lines();
    expect(copied.map((l) => l.seq)).toEqual(before.map((e) => Number(e.seq)));
    expect(copied.map((l) => l.hash)).toEqual(before.map((e) => e.hash));
    expect(copied[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < copied.length; i++) expect(copied[i]!.prev_hash).toBe(copied[i - 1]!.hash);
    expect(fs.statSync(sink).mode & 0o777).toBe(0o600);

    // New entries go after the last line; nothing is shipped twice.
    await signIn(t.app, 'ship_user');
    const after = await entries();
    expect(await shipAuditLog(t.deps.db, sink)).toBe(after.length - before.length);
    expect(lines().map((l) => l.seq)).toEqual(after.map((e) => Number(e.seq)));
    expect(lines().at(-1)!.type).toBe('auth.login');
  });

  it('a line torn by a crash mid-write is dropped and shipped again whole', async () => {
    const whole = lines();
    const text = fs.readFileSync(sink, 'utf8');
    const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
    fs.writeFileSync(sink, text.slice(0, lastStart + 20));
    expect(await shipAuditLog(t.deps.db, sink)).toBe(1);
    expect(lines()).toEqual(whole);
  });

  it('after a rotation moved the file away, the new file starts after the last entry shipped', async () => {
    const shippedBefore = lines();
    fs.renameSync(sink, `${sink}.1`);
    await signIn(t.app, 'ship_user');
    expect(await shipAuditLog(t.deps.db, sink)).toBe(1);
    const fresh = lines();
    expect(fresh.map((l) => l.seq)).toEqual([shippedBefore.at(-1)!.seq + 1]);
    expect(fresh[0]!.prev_hash).toBe(shippedBefore.at(-1)!.hash);
  });

  it('refuses a sink inside the data directory, where it would be lost with the database', () => {
    expect(() => loadConfig({ DATA_DIR: '/srv/tongxin', AUDIT_SINK_FILE: '/srv/tongxin/audit.jsonl' })).toThrow(
      'AUDIT_SINK_FILE',
    );
    expect(loadConfig({ DATA_DIR: '/srv/tongxin', AUDIT_SINK_FILE: '/mnt/logs/audit.jsonl' }).auditSinkFile).toBe(
      '/mnt/logs/audit.jsonl',
    );
    expect(loadConfig({ DATA_DIR: '/srv/tongxin' }).auditSinkFile).toBeNull();
  });

  it('the running server copies at start and once more when it stops (AUDIT_SINK_FILE)', async () => {
    const other = path.join(sinkDir, 'server', 'audit.jsonl');
    const app = await testApp({ auditSinkFile: other });
    try {
      const tree = await standardTree(app.deps);
      await addUser(app.deps, 'ship_server', [{ role: 'secretary', orgId: tree.branchA1 }]);
      await signIn(app.app, 'ship_server');
      const jobs = await startBackgroundJobs(app.deps, app.app.log);
      const atStart = fs.readFileSync(other, 'utf8').trimEnd().split('\n').length;
      expect(atStart).toBe((await app.deps.db.selectFrom('audit_log').select('seq').execute()).length);
      await signIn(app.app, 'ship_server');
      await jobs.stop();
      const all = await app.deps.db.selectFrom('audit_log').select('seq').execute();
      expect(fs.readFileSync(other, 'utf8').trimEnd().split('\n')).toHaveLength(all.length);
      expect(all.length).toBeGreaterThan(atStart);
    } finally {
      await app.close();
    }
  });
});
