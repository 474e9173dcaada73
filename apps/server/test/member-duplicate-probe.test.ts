import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSIDE_SCOPE_HITS_PER_DAY } from '../src/modules/members/member-duplicates.js';
import { cleanRow, ledgerWorkbook, settled, upload } from './fixtures/ledger-files.js';
import { B1 } from './member-import.support.js';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

/**
 * The duplicate check tells a user that an ID number belongs to an active member somewhere else: each such
 * outside-scope hit is audited (masked), and past the daily allowance the check stops answering them.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let districtA: Session;
let districtB: Session;
/** Active members of district A's branch, whose ID numbers district B cannot see. */
const heldInA: string[] = [];

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'probe_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'probe_b', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'probe_import', [{ role: 'committee_admin', orgId: tree.districtB }]);
  districtA = await signIn(t.app, 'probe_a');
  districtB = await signIn(t.app, 'probe_b');
  for (let i = 0; i < OUTSIDE_SCOPE_HITS_PER_DAY + 6; i += 1) {
    const body = memberBody(tree.branchA1, { name: '甲区党员' });
    const res = await t.app.inject({ method: 'POST', url: '/api/members', headers: districtA.headers, payload: body });
    expect(res.statusCode).toBe(201);
    heldInA.push(body.idNumber);
  }
});
afterAll(() => t.close());

const createInB = (s: Session, idNumber: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/members',
    headers: s.headers,
    payload: memberBody(tree.branchB1, { name: '乙区新人', idNumber }),
  });

const probeEvents = (username: string) =>
  t.deps.db
    .selectFrom('audit_log')
    .select(['result', 'detail'])
    .where('type', '=', 'member.duplicate_probe')
    .where('actor_name', '=', username)
    .orderBy('seq')
    .execute();

describe('outside-scope duplicate hits', () => {
  it('audits each hit, masked, though the refused create rolled back', async () => {
    const res = await createInB(districtB, heldInA[0]!);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('不在您的管理范围内');
    const events = await probeEvents('probe_b');
    expect(events).toHaveLength(1);
    const detail = JSON.parse(events[0]!.detail);
    expect(detail).toEqual({ idNumber: `${heldInA[0]!.slice(0, 3)}***********${heldInA[0]!.slice(-4)}`, via: 'form' });
    expect(events[0]!.detail).not.toContain(heldInA[0]);
  });

  it('an inside-scope duplicate names the record and is not counted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: districtA.headers,
      payload: memberBody(tree.branchA1, { idNumber: heldInA[1]! }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('甲区党员');
    expect(await probeEvents('probe_a')).toHaveLength(0);
  });

  it(`stops answering after ${OUTSIDE_SCOPE_HITS_PER_DAY} hits a day, and answers again a day later`, async () => {
    for (let i = 1; i < OUTSIDE_SCOPE_HITS_PER_DAY; i += 1) {
      expect((await createInB(districtB, heldInA[i]!)).statusCode).toBe(409);
    }
    const stopped = await createInB(districtB, heldInA[OUTSIDE_SCOPE_HITS_PER_DAY]!);
    expect(stopped.statusCode).toBe(429);
    expect(stopped.json().error.message).toContain('暂停答复');
    expect(stopped.json().error.message).not.toContain('转接');
    // A number nobody holds is still created: the allowance limits only what reveals someone elsewhere.
    expect((await createInB(districtB, memberBody(tree.branchB1).idNumber)).statusCode).toBe(201);

    t.clock.advance(86_400_000 + 1_000);
    districtB = await signIn(t.app, 'probe_b'); // the old session has timed out
    const again = await createInB(districtB, heldInA[OUTSIDE_SCOPE_HITS_PER_DAY + 1]!);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不在您的管理范围内');
  });

  it('an import spends the same allowance and stops when it runs out', async () => {
    const rows = heldInA.map((idNumber, i) =>
      cleanRow(B1, idNumber, { 姓名: `导入${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`, 序号: i + 1 }),
    );
    const importer = await signIn(t.app, 'probe_import');
    const res = await upload(t.app, importer.headers, '党员名册.xlsx', await ledgerWorkbook(rows));
    expect(res.statusCode, res.body).toBe(202);
    const report = await settled(t.app, importer.headers, res.json().id);
    expect(report.status).toBe('failed');
    expect(report.message).toContain('已达每日上限');
    const events = await probeEvents('probe_import');
    expect(events).toHaveLength(OUTSIDE_SCOPE_HITS_PER_DAY);
    expect(events.every((e) => JSON.parse(e.detail).via === 'import')).toBe(true);
  });
});
