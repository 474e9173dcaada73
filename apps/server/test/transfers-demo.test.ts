import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { beijingDate } from '../src/platform/clock.js';
import { type TestEnv, testDeps } from './support.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testDeps();
  await seedDemo(env.deps);
});
afterAll(() => env.close());

describe('demo transfers', () => {
  it('has transfers in every state, pending ones into 龙马潭区, one overdue and one awaiting its receipt', async () => {
    const db = env.deps.db;
    const rows = await db
      .selectFrom('transfer')
      .leftJoin('org as to_org', 'to_org.id', 'transfer.to_org_id')
      .select(['transfer.direction', 'transfer.status', 'transfer.receipt_due', 'transfer.member_id', 'to_org.name as to_name'])
      .execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['pending', 'accepted', 'rejected', 'cancelled']));
    const pending = rows.filter((r) => r.status === 'pending');
    expect(pending.filter((r) => r.to_name?.startsWith('龙马潭区') || r.to_name?.includes('长江云')).length).toBe(2);
    const today = beijingDate(env.deps.clock.now());
    expect(pending.some((r) => r.receipt_due < today)).toBe(true);
    expect(pending.some((r) => r.direction === 'out')).toBe(true);
    expect(pending.find((r) => r.direction === 'in')?.member_id).toBeNull();

    const accepted = rows.find((r) => r.status === 'accepted')!;
    const moved = await db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('org.name')
      .where('member.id', '=', accepted.member_id!)
      .executeTakeFirstOrThrow();
    expect(moved.name).toBe(accepted.to_name);
    const history = await db.selectFrom('member_history').select('action').where('member_id', '=', accepted.member_id!).execute();
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['transfer_out', 'transfer_in']));
  });

  it('gives 龙马潭区 its own committee admin account', async () => {
    const user = await env.deps.db
      .selectFrom('app_user')
      .innerJoin('role_grant', 'role_grant.user_id', 'app_user.id')
      .innerJoin('org', 'org.id', 'role_grant.org_id')
      .select(['app_user.display_name', 'role_grant.role', 'org.name'])
      .where('app_user.username', '=', 'longmatan_admin')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ display_name: '周海涛', role: 'committee_admin', name: '中共泸州市龙马潭区互联网行业委员会' });
  });
});
