/**
 * Notices and to-dos at scale (a quick check, not part of `npm run bench`): a city of 10 districts × N branches,
 * a secretary and a member account per branch, notices to the whole city (some to secretaries only), half of
 * the accounts having read the older ones. Prints the median time of the inbox, the to-do list and the
 * receipts views through the real app (inject). Run: npx tsx bench/src/notices-scale.ts [--branches 1000]
 */
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { insertOrg } from '../../apps/server/src/modules/orgs/org.repository.js';
import { addUser, signIn, testApp } from '../../apps/server/test/support.js';

const branchesPerDistrict = Number(process.argv[process.argv.indexOf('--branches') + 1]) || 1000;
const t = await testApp();
const now = new Date().toISOString();
const db = t.deps.db;
console.log(`building: 10 districts × ${branchesPerDistrict} branches, 2 accounts each …`);
const built = performance.now();
const { city, branches } = await db.transaction().execute(async (trx) => {
  const org = (parentId: string | null, name: string, kind: 'committee' | 'branch', level: 'city' | 'district' | null) =>
    insertOrg(trx, { parentId, name, kind, level, foundedOn: null, createdAt: now });
  const city = await org(null, '规模测试市委', 'committee', 'city');
  const branches: string[] = [];
  for (let d = 0; d < 10; d += 1) {
    const district = await org(city, `第${d}区党委`, 'committee', 'district');
    for (let b = 0; b < branchesPerDistrict; b += 1) branches.push(await org(district, `第${d}区第${b}支部`, 'branch', null));
  }
  return { city, branches };
});
// Accounts straight into the tables (same shape as addUser), in one transaction.
const hash = (await db.selectFrom('app_user').select('password_hash').executeTakeFirst())?.password_hash;
await addUser(t.deps, 'scale_city', [{ role: 'committee_admin', orgId: city }]);
await addUser(t.deps, 'scale_secretary', [{ role: 'secretary', orgId: branches[7]! }]);
const passwordHash = hash ?? (await db.selectFrom('app_user').select('password_hash').executeTakeFirstOrThrow()).password_hash;
const userIds: string[] = [];
await db.transaction().execute(async (trx) => {
  for (const [i, orgId] of branches.entries()) {
    for (const role of ['secretary', 'member'] as const) {
      const id = uuidv7();
      userIds.push(id);
      await trx
        .insertInto('app_user')
        .values({
          id,
          username: `u${i}_${role}`,
          username_lower: `u${i}_${role}`,
          display_name: `用户${i}${role === 'secretary' ? '书记' : '党员'}`,
          password_hash: passwordHash,
          must_change_password: 0,
          must_change_username: 0,
          home_org_id: orgId,
          disabled_at: null,
          created_at: now,
          password_changed_at: now,
          last_login_at: null,
          member_id: null,
        })
        .execute();
      await trx
        .insertInto('role_grant')
        .values({
          id: uuidv7(),
          user_id: id,
          role,
          org_id: orgId,
          reach: role === 'member' ? 'org' : 'subtree',
          created_at: now,
          created_by: null,
        })
        .execute();
    }
  }
});
const cityS = await signIn(t.app, 'scale_city');
const secS = await signIn(t.app, 'scale_secretary');
const notices: string[] = [];
for (let n = 0; n < 100; n += 1) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/notices',
    headers: cityS.headers,
    payload: {
      senderOrgId: city,
      title: `规模测试通知${n}`,
      body: '正文',
      targets: [{ orgId: city, subtree: true }],
      roles: n % 2 ? ['secretary'] : null,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  notices.push(res.json().id);
}
// Half the accounts have read the first 20 notices.
await db.transaction().execute(async (trx) => {
  for (const id of notices.slice(0, 20)) {
    const rows = userIds.filter((_, i) => i % 2 === 0).map((user_id) => ({ notice_id: id, user_id, read_at: now }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('read_receipt')
        .values(rows.slice(i, i + 500))
        .execute();
  }
});
console.log(
  `built in ${((performance.now() - built) / 1000).toFixed(1)} s: ${branches.length + 11} orgs, ${userIds.length + 2} accounts, 100 notices`,
);

async function time(label: string, headers: Record<string, string>, url: string, runs = 15) {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const res = await t.app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - start);
    status = res.statusCode;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} ${status}  p50 ${times[Math.floor(runs / 2)]!.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`,
  );
}
await time('secretary inbox (page 1)', secS.headers, '/api/notices');
await time('secretary inbox, unread only', secS.headers, '/api/notices?unread=true');
await time('secretary to-do list', secS.headers, '/api/todos');
await time('city to-do list', cityS.headers, '/api/todos');
await time('city sent box', cityS.headers, '/api/notices?box=sent');
await time(`receipts by org (${branches.length} orgs)`, cityS.headers, `/api/notices/${notices[0]}/receipts?view=orgs`, 7);
await time('receipts by person, unread only', cityS.headers, `/api/notices/${notices[0]}/receipts?view=people&unread=true`, 7);
await time('one notice (the receipt already there)', secS.headers, `/api/notices/${notices[0]}`);
await t.close();
