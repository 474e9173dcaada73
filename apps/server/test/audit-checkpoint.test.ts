import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointFile, readCheckpoints, writeCheckpoint } from '../src/platform/audit/checkpoint.js';
import { SYSTEM_CONTEXT } from '../src/platform/audit/events.js';
import { verifyAuditChain } from '../src/platform/audit/verify-audit.js';
import { type TestEnv, testDeps } from './support.js';

/**
 * AUD-03 (issue #14, finding 2): with the database alone an attacker could wipe the audit log and reset its head
 * to the genesis values, or cut it after entry K and restore an older head: both verified as complete. A signed
 * checkpoint kept off the box (beside the AUD-07 copy) makes both fail, and a forged checkpoint is caught.
 */
let t: TestEnv;
let file: string;

async function addEntries(n: number) {
  for (let i = 0; i < n; i++) {
    await t.deps.db
      .transaction()
      .execute((trx) => t.deps.audit.record(trx, SYSTEM_CONTEXT, { type: 'system.seed', detail: { i } }));
  }
}

/** Test-only: lift the append-only triggers, as an attacker with database access would. */
async function dropAppendOnly() {
  if (t.deps.database.dialect === 'sqlite') {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(t.deps.db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(t.deps.db);
  } else {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.deps.db);
  }
}

const anchors = async () => ({ checkpoints: await readCheckpoints(file) });

beforeEach(async () => {
  t = await testDeps();
  file = checkpointFile(path.join(t.dir, 'offbox', 'audit.jsonl'));
  await addEntries(5);
});
afterEach(() => t.close());

describe('AUD-03: signed checkpoints off the box', () => {
  it('a checkpoint is signed, written 0600 beside the copy, audited, and an intact log verifies against it', async () => {
    const checkpoint = await writeCheckpoint(t.deps, file);
    expect(checkpoint.seq).toBe(5);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await addEntries(2);
    const result = await verifyAuditChain(t.deps.db, t.deps.crypto, await anchors());
    expect(result).toMatchObject({ ok: true, checked: 8 });
    const audited = await t.deps.db.selectFrom('audit_log').select('detail').where('type', '=', 'audit.checkpoint').execute();
    expect(JSON.parse(audited[0]!.detail)).toEqual({ seq: 5, hash: checkpoint.hash });
  });

  it('a wiped log with its head reset to genesis fails: an empty log after a non-empty checkpoint', async () => {
    await writeCheckpoint(t.deps, file);
    await dropAppendOnly();
    await t.deps.db.deleteFrom('audit_log').execute();
    await t.deps.db
      .updateTable('audit_head')
      .set({ seq: 0, hash: '0'.repeat(64), mac: '' })
      .execute();
    // Without the anchors this is what verified before: a consistent, empty chain.
    expect((await verifyAuditChain(t.deps.db, t.deps.crypto)).ok).toBe(true);
    const result = await verifyAuditChain(t.deps.db, t.deps.crypto, await anchors());
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^审计日志只有 0 条，少于 .* 签名的检查点（第 5 条）：记录被删除或回滚$/);
  });

  it('a log cut back after entry K with an older head restored fails', async () => {
    const older = await t.deps.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await addEntries(4);
    await writeCheckpoint(t.deps, file);
    await dropAppendOnly();
    await t.deps.db.deleteFrom('audit_log').where('seq', '>', Number(older.seq)).execute();
    await t.deps.db.updateTable('audit_head').set({ seq: older.seq, hash: older.hash, mac: older.mac }).execute();
    expect((await verifyAuditChain(t.deps.db, t.deps.crypto)).ok).toBe(true);
    const result = await verifyAuditChain(t.deps.db, t.deps.crypto, await anchors());
    expect(result).toMatchObject({ ok: false, checked: 5, firstBadSeq: 6 });
  });

  it('a checkpoint edited in its file (or made without the key) is reported as forged', async () => {
    await writeCheckpoint(t.deps, file);
    const [c] = await readCheckpoints(file);
    fs.writeFileSync(file, `${JSON.stringify({ ...c, seq: 2 })}\n`);
    const result = await verifyAuditChain(t.deps.db, t.deps.crypto, await anchors());
    expect(result).toMatchObject({ ok: false, reason: '有 1 个检查点的签名无效（检查点文件被改动）' });
  });
});
