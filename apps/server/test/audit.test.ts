import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { AuditWriter } from '../src/platform/audit/record-audit.js';
import { verifyAuditChain } from '../src/platform/audit/verify-audit.js';
import { addUser, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'city', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'auditor', [{ role: 'audit_admin', orgId: null }]);
  const s = await signIn(t.app, 'city');
  for (let i = 0; i < 6; i += 1) {
    await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: s.headers,
      payload: { parentId: tree.districtA, name: `审计测试${i}号党支部`, kind: 'branch' },
    });
  }
});
afterAll(() => t.close());

/** Test-only: lift the append-only triggers, as an attacker with database access would. */
async function dropAppendOnly() {
  const db = t.deps.db;
  if (t.deps.database.dialect === 'sqlite') {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
  } else {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
  }
}

describe('audit log', () => {
  it('AUD-01: a change writes exactly one typed row with actor, role, ip, request id and a before/after', async () => {
    const s = await signIn(t.app, 'city');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${tree.branchA2}`,
      headers: s.headers,
      payload: { name: '甲二改名党支部' },
    });
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().where('type', '=', 'org.rename').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_name: 'city',
      actor_role: 'committee_admin',
      ip: '127.0.0.1',
      result: 'success',
      object_type: 'org',
      object_id: tree.branchA2,
    });
    expect(res.statusCode).toBe(200);
    expect(rows[0]!.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(rows[0]!.detail)).toEqual({
      before: { name: '甲二网络有限公司党支部' },
      after: { name: '甲二改名党支部' },
    });
  });

  it('AUD-01: a denied request is audited too', async () => {
    await addUser(t.deps, 'sec_b1', [{ role: 'secretary', orgId: tree.branchB1 }]);
    const s = await signIn(t.app, 'sec_b1');
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/orgs/${tree.branchB1}`,
          headers: s.headers,
          payload: { name: '越权改名党支部' },
        })
      ).statusCode,
    ).toBe(403);
    const denied = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('type', '=', 'access.denied')
      .where('actor_name', '=', 'sec_b1')
      .execute();
    expect(denied).toHaveLength(1);
    expect(denied[0]!.result).toBe('denied');
  });

  it('AUD-06: reading the log is itself audited', async () => {
    const s = await signIn(t.app, 'auditor');
    const res = await t.app.inject({ method: 'GET', url: '/api/audit?type=org.&pageSize=5', headers: s.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((i: { type: string }) => i.type.startsWith('org.'))).toBe(true);
    const reads = await t.deps.db.selectFrom('audit_log').selectAll().where('type', '=', 'audit.read').execute();
    expect(reads.at(-1)!.actor_name).toBe('auditor');
  });

  it('AUD-02: the database refuses UPDATE and DELETE on the log', async () => {
    await expect(t.deps.db.updateTable('audit_log').set({ detail: '{}' }).where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.deps.db.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
  });

  it('AUD-04: when the audit write fails, the change rolls back and the caller gets a 500', async () => {
    const failing: AuditWriter = {
      record: async () => {
        throw new Error('audit store unavailable');
      },
    };
    const app = await buildApp({ ...t.deps, audit: failing });
    try {
      const s = await signIn(t.app, 'city');
      const res = await app.inject({
        method: 'POST',
        url: '/api/orgs',
        headers: s.headers,
        payload: { parentId: tree.districtA, name: '不应存在的党支部', kind: 'branch' },
      });
      expect(res.statusCode).toBe(500);
      const row = await t.deps.db.selectFrom('org').select('id').where('name', '=', '不应存在的党支部').executeTakeFirst();
      expect(row).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  // These run last: they break the chain on purpose.
  describe('AUD-03: the verifier names the first bad entry', () => {
    it('an intact chain verifies, through the API too', async () => {
      expect(await verifyAuditChain(t.deps.db, t.deps.crypto)).toMatchObject({ ok: true, firstBadSeq: null });
      const s = await signIn(t.app, 'auditor');
      const res = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: s.headers });
      expect(res.json()).toMatchObject({ ok: true });
    });

    it('an altered row', async () => {
      await dropAppendOnly();
      const original = await t.deps.db.selectFrom('audit_log').select('detail').where('seq', '=', 4).executeTakeFirstOrThrow();
      await t.deps.db.updateTable('audit_log').set({ detail: '{"after":{"name":"篡改"}}' }).where('seq', '=', 4).execute();
      expect(await verifyAuditChain(t.deps.db, t.deps.crypto)).toMatchObject({
        ok: false,
        firstBadSeq: 4,
        reason: '记录内容被篡改',
      });
      await t.deps.db.updateTable('audit_log').set({ detail: original.detail }).where('seq', '=', 4).execute();
      expect((await verifyAuditChain(t.deps.db, t.deps.crypto)).ok).toBe(true);
    });

    it('two rows swapped', async () => {
      const [a, b] = await t.deps.db.selectFrom('audit_log').selectAll().where('seq', 'in', [5, 6]).orderBy('seq').execute();
      await t.deps.db.deleteFrom('audit_log').where('seq', 'in', [5, 6]).execute();
      await t.deps.db
        .insertInto('audit_log')
        .values([
          { ...b!, seq: 5 },
          { ...a!, seq: 6 },
        ])
        .execute();
      expect(await verifyAuditChain(t.deps.db, t.deps.crypto)).toMatchObject({ ok: false, firstBadSeq: 5 });
      await t.deps.db.deleteFrom('audit_log').where('seq', 'in', [5, 6]).execute();
      await t.deps.db.insertInto('audit_log').values([a!, b!]).execute();
    });

    it('a row deleted from the middle, and one from the end', async () => {
      const row3 = await t.deps.db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
      await t.deps.db.deleteFrom('audit_log').where('seq', '=', 3).execute();
      expect(await verifyAuditChain(t.deps.db, t.deps.crypto)).toMatchObject({
        ok: false,
        firstBadSeq: 3,
        reason: '缺少第 3 条记录',
      });
      await t.deps.db.insertInto('audit_log').values(row3).execute();
      const last = await t.deps.db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await t.deps.db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
      expect(await verifyAuditChain(t.deps.db, t.deps.crypto)).toMatchObject({ ok: false, firstBadSeq: Number(last.seq) });
    });

    it('rows cut off the end with the head rewound to match', async () => {
      const rows = await t.deps.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(3).execute();
      const keep = rows[2]!;
      await t.deps.db.deleteFrom('audit_log').where('seq', '>', keep.seq).execute();
      await t.deps.db.updateTable('audit_head').set({ seq: keep.seq, hash: keep.hash }).where('id', '=', 1).execute();
      expect(await verifyAuditChain(t.deps.db, t.deps.crypto)).toMatchObject({
        ok: false,
        reason: '链尾标记被篡改（末尾记录可能被截去）',
      });
    });
  });
});
