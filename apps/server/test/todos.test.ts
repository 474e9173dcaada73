import type { TodoResponse } from '@tongxin/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/access/access.js';
import { collectTodos, groupTodos } from '../src/modules/todos/get-todos.js';
import type { TodoSource } from '../src/modules/todos/todo-source.js';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
const s = {} as Record<'secA1' | 'secB1' | 'districtA' | 'districtB' | 'memberA1' | 'auditor', Session>;

beforeAll(async () => {
  t = await testApp();
  // Beijing 2026-11-20.
  t.clock.set('2026-11-20T02:00:00Z');
  tree = await standardTree(t.deps);
  const users = {
    secA1: [{ role: 'secretary', orgId: tree.branchA1 }],
    secB1: [{ role: 'secretary', orgId: tree.branchB1 }],
    districtA: [{ role: 'committee_admin', orgId: tree.districtA }],
    districtB: [{ role: 'committee_admin', orgId: tree.districtB }],
    memberA1: [{ role: 'member', orgId: tree.branchA1, reach: 'org' }],
    auditor: [{ role: 'audit_admin', orgId: null }],
  } as const;
  for (const [name, grants] of Object.entries(users)) {
    await addUser(t.deps, `t_${name}`, grants as never);
    s[name as keyof typeof s] = await signIn(t.app, `t_${name}`);
  }
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
async function todos(who: Session, kind: string) {
  const res = await call(who, 'GET', '/api/todos');
  expect(res.statusCode).toBe(200);
  return ((res.json() as TodoResponse).groups.find((g) => g.kind === kind)?.items ??
    []) as TodoResponse['groups'][number]['items'];
}
async function newMember(overrides: object = {}) {
  const res = await call(s.secA1, 'POST', '/api/members', memberBody(tree.branchA1, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('to-do sources: in scope, out of scope, and gone when done', () => {
  it('a branch committee term ending within 90 days', async () => {
    const set = (termStart: string) =>
      call(s.districtA, 'PUT', `/api/orgs/${tree.branchA1}/committee`, {
        termStart,
        termYears: 3,
        members: [{ name: '书记甲', duty: 'secretary' }],
      });
    expect((await set('2023-12-15')).statusCode).toBe(200); // ends 2026-12-14
    const items = await todos(s.secA1, 'term-ending');
    expect(items).toEqual([expect.objectContaining({ due: '2026-12-14', href: `/orgs/${tree.branchA1}?tab=committee` })]);
    expect(await todos(s.districtA, 'term-ending')).toHaveLength(1);
    expect(await todos(s.secB1, 'term-ending')).toEqual([]);
    expect(await todos(s.districtB, 'term-ending')).toEqual([]);
    // The election is held: a new committee, a new term.
    expect((await set('2026-11-18')).statusCode).toBe(200);
    expect(await todos(s.secA1, 'term-ending')).toEqual([]);
  });

  it('a probation to confirm within 30 days', async () => {
    const id = await newMember({ name: '预备甲', status: 'probationary', joinedOn: '2025-12-10', fullOn: null });
    await newMember({ name: '预备乙', status: 'probationary', joinedOn: '2026-03-01', fullOn: null }); // not yet
    // Admitted more than two years ago: no extension explains it; the ledger check reports it instead.
    await newMember({ name: '预备丙', status: 'probationary', joinedOn: '2024-10-01', fullOn: null });
    const items = await todos(s.secA1, 'probation-due');
    expect(items.map((i) => i.href)).toEqual([`/members/${id}`]);
    expect(items[0]!.due).toBe('2026-12-10');
    expect(await todos(s.districtA, 'probation-due')).toHaveLength(1);
    expect(await todos(s.secB1, 'probation-due')).toEqual([]);
    expect(await todos(s.memberA1, 'probation-due')).toEqual([]);
    // 转正: the member becomes full.
    const m = (await call(s.secA1, 'GET', `/api/members/${id}`)).json();
    const body = {
      ...memberBody(tree.branchA1, { name: '预备甲', joinedOn: '2025-12-10' }),
      fullOn: '2026-11-20',
      status: 'full',
    };
    const { idNumber: _i, phone: _p, orgId: _o, ...rest } = body;
    const res = await call(s.secA1, 'PUT', `/api/members/${id}`, { ...rest, version: m.version, reason: '按期转正' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await todos(s.secA1, 'probation-due')).toEqual([]);
  });

  it('dues arrears: three ended months unpaid, for the branch that collects them', async () => {
    const id = await newMember({ name: '欠缴甲', joinedOn: '2020-01-01', fullOn: '2021-01-01' });
    const profile = await call(s.secA1, 'PUT', `/api/dues/members/${id}/profile`, {
      category: 'employee',
      baseFen: 500_000,
      fromMonth: '2026-01',
    });
    expect(profile.statusCode, profile.body).toBe(200);
    const items = await todos(s.secA1, 'dues-arrears');
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toContain('1名党员');
    expect(items[0]!.href).toBe(`/dues?orgId=${tree.branchA1}&month=2026-10`);
    expect(await todos(s.secB1, 'dues-arrears')).toEqual([]);
    // Paying October breaks the run of unpaid ended months.
    const paid = await call(s.secA1, 'POST', '/api/dues/payments', {
      orgId: tree.branchA1,
      month: '2026-10',
      paidOn: '2026-11-20',
      items: [{ memberId: id }],
    });
    expect(paid.statusCode, paid.body).toBeLessThan(300);
    expect(await todos(s.secA1, 'dues-arrears')).toEqual([]);
  });

  it('a transfer receipt overdue, on both sides', async () => {
    const id = await newMember({ name: '转出甲' });
    t.clock.set('2026-10-01T02:00:00Z');
    const created = await call(s.secA1, 'POST', '/api/transfers', {
      direction: 'within',
      memberId: id,
      toOrgId: tree.branchB1,
      letterNo: '待办〔2026〕1号',
      issuedOn: '2026-10-01',
      reason: 'job_change',
    });
    expect(created.statusCode, created.body).toBe(201);
    t.clock.set('2026-11-20T02:00:00Z');
    expect((await todos(s.secA1, 'transfer-overdue')).map((i) => i.due)).toEqual(['2026-11-01']);
    expect(await todos(s.secB1, 'transfer-overdue')).toHaveLength(1);
    expect(await todos(s.districtA, 'transfer-overdue')).toHaveLength(1);
    expect(await todos(s.memberA1, 'transfer-overdue')).toEqual([]);
    const accepted = await call(s.secB1, 'POST', `/api/transfers/${created.json().id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await todos(s.secA1, 'transfer-overdue')).toEqual([]);
  });

  it('an unread notice, until it is opened', async () => {
    const sent = await call(s.districtA, 'POST', '/api/notices', {
      senderOrgId: tree.districtA,
      title: '待办测试通知',
      body: '正文',
      targets: [{ orgId: tree.branchA1, subtree: true }],
    });
    expect(sent.statusCode).toBe(201);
    const id = sent.json().id;
    expect((await todos(s.memberA1, 'notice-unread')).map((i) => i.href)).toEqual([`/notices/${id}`]);
    expect(await todos(s.secB1, 'notice-unread')).toEqual([]);
    await call(s.memberA1, 'GET', `/api/notices/${id}`);
    expect(await todos(s.memberA1, 'notice-unread')).toEqual([]);
    expect(await todos(s.secA1, 'notice-unread')).toHaveLength(1);
  });

  it('an appraisal in progress', async () => {
    const opened = await call(s.secA1, 'POST', '/api/appraisals', { orgId: tree.branchA1, year: 2026 });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await todos(s.secA1, 'appraisal-open')).map((i) => i.href)).toEqual([`/appraisals/${opened.json().id}`]);
    expect(await todos(s.districtA, 'appraisal-open')).toHaveLength(1);
    expect(await todos(s.secB1, 'appraisal-open')).toEqual([]);
  });

  it('the 三员 have nothing to do in the business tree', async () => {
    const res = await call(s.auditor, 'GET', '/api/todos');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });
});

describe('groupTodos', () => {
  it('groups by kind, sorts each group by due (undated last), groups by their most urgent item', () => {
    const groups = groupTodos([
      { kind: 'b', title: '1', href: '/', due: '2026-12-01' },
      { kind: 'a', title: '2', href: '/' },
      { kind: 'b', title: '3', href: '/', due: '2026-11-01' },
      { kind: 'c', title: '4', href: '/', due: '2026-11-15' },
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['b', 'c', 'a']);
    expect(groups[0]!.items.map((i) => i.title)).toEqual(['3', '1']);
  });
});

describe('a failing source', () => {
  it('is rolled back alone: the others still answer, and the list says it is incomplete', async () => {
    const item = (kind: string) => ({ kind, title: kind, href: '/' });
    const before: TodoSource = async ({ trx }) => {
      const { n } = await sql<{ n: number }>`select 1 as n`.execute(trx).then((r) => r.rows[0]!);
      return n === 1 ? [item('before')] : [];
    };
    // A broken query: on PostgreSQL it would abort the whole transaction without its savepoint.
    const broken: TodoSource = async ({ trx }) => {
      await sql`select * from no_such_table`.execute(trx);
      return [item('never')];
    };
    const after: TodoSource = async ({ trx }) => {
      const org = await trx.selectFrom('org').select('id').where('id', '=', tree.branchA1).executeTakeFirst();
      return org ? [item('after')] : [];
    };
    const logged: unknown[] = [];
    const result = await t.deps.db.transaction().execute((trx) =>
      collectTodos({ trx, access: {} as Access, userId: 'nobody', today: '2026-11-20' }, [before, broken, after], {
        error: (o: unknown) => logged.push(o),
      }),
    );
    expect(result.items.map((i) => i.kind)).toEqual(['before', 'after']);
    expect(result.incomplete).toBe(true);
    expect(logged).toHaveLength(1);
  });

  it('a whole list answers incomplete: false', async () => {
    const res = await call(s.secA1, 'GET', '/api/todos');
    expect(res.json().incomplete).toBe(false);
  });
});
