import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from './fixtures/files.js';
import { ACTORS, type Actor, matrixWorld, row } from './matrix.support.js';
import { addEnterprise, linkContact, requestBody } from './services.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
const ent = {} as Record<Ent, string>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
  ent.entA1 = await addEnterprise(t.deps, '甲一科技有限公司', w.tree.districtA, w.tree.branchA1);
  ent.entA2 = await addEnterprise(t.deps, '甲二网络有限公司', w.tree.districtA, w.tree.branchA2);
  ent.entB1 = await addEnterprise(t.deps, '乙一传媒有限公司', w.tree.districtB, w.tree.branchB1);
  // The matrix's enterprise contact acts for 甲二 (its grant sits at 甲二's branch).
  await linkContact(t.deps, ent.entA2, w.userIds.enterprise);
});
afterAll(() => t.close());

/**
 * AZ-02 for the service liaison routes, by the enterprise a request is for: 甲一 (covered by branchA1, area
 * districtA), 甲二 (branchA2, districtA), 乙一 (branchB1, districtB). The requesting side is the enterprise's
 * contact or its covering branch's secretary; the handling side is service.handle at the area committee or
 * above. Everyone else gets 404 (a request, like an enterprise it is not theirs, does not exist for them).
 */
const ENTS = ['entA1', 'entA2', 'entB1'] as const;
type Ent = (typeof ENTS)[number];
const none = (status: number) => row(`${status} ${status} ${status}`);
const ADMINS_404 = { sysadmin: none(404), secadmin: none(404), auditor: none(404) };

// Raising: the requesting side; a handler is refused (403: it would rate its own answer).
const RAISE: Record<Actor, number[]> = {
  anonymous: none(401),
  member: none(404),
  enterprise: row('404 201 404'),
  secretary: row('201 404 404'),
  districtA: row('403 403 404'),
  districtB: row('404 404 403'),
  city: none(403),
  ...ADMINS_404,
};
// Reading one request (and messaging on it): either side.
const READ: Record<Actor, number[]> = {
  anonymous: none(401),
  member: none(404),
  enterprise: row('404 200 404'),
  secretary: row('200 404 404'),
  districtA: row('200 200 404'),
  districtB: row('404 404 200'),
  city: none(200),
  ...ADMINS_404,
};
const MESSAGE: Record<Actor, number[]> = Object.fromEntries(
  ACTORS.map((a) => [a, READ[a].map((s) => (s === 200 ? 201 : s))]),
) as Record<Actor, number[]>;
// Handler steps (assign, answer, the assignee list): the handling side; the requesting side is refused.
const HANDLER: Record<Actor, number[]> = { ...READ, enterprise: row('404 403 404'), secretary: row('403 404 404') };
// Requester steps (withdraw, reopen, close): the requesting side; handlers are refused.
const REQUESTER: Record<Actor, number[]> = {
  ...READ,
  districtA: row('403 403 404'),
  districtB: row('404 404 403'),
  city: none(403),
};

async function raised(e: Ent): Promise<string> {
  const actor: Actor = e === 'entA2' ? 'enterprise' : e === 'entA1' ? 'secretary' : 'districtB';
  if (actor === 'districtB') {
    // 乙一 has no account on its side in the matrix world: its secretary is made here once.
    return raiseAsB1();
  }
  const res = await w.call(actor, 'POST', '/api/service-requests', requestBody(ent[e]));
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
let b1Secretary: Awaited<ReturnType<typeof signInB1>> | null = null;
async function signInB1() {
  const { addUser, signIn } = await import('./support.js');
  await addUser(t.deps, 'm_secretary_b1', [{ role: 'secretary', orgId: w.tree.branchB1 }]);
  return signIn(t.app, 'm_secretary_b1');
}
async function raiseAsB1(): Promise<string> {
  b1Secretary ??= await signInB1();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/service-requests',
    headers: b1Secretary.headers,
    payload: requestBody(ent.entB1),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
/** A request assigned to the city's handler (or to the actor, when the actor handles it) and, if asked, answered. */
async function inHand(e: Ent, assignTo: Actor, answer = false): Promise<string> {
  const id = await raised(e);
  const assignee = w.userIds[assignTo as Exclude<Actor, 'anonymous'>];
  expect((await w.call('city', 'POST', `/api/service-requests/${id}/assign`, { assigneeId: assignee })).statusCode).toBe(200);
  if (answer) {
    expect(
      (await w.call(assignTo, 'POST', `/api/service-requests/${id}/answer`, { body: '已对接合作银行，请按清单准备材料。' }))
        .statusCode,
    ).toBe(200);
  }
  return id;
}
const handles = (actor: Actor, e: Ent) => HANDLER[actor][ENTS.indexOf(e)] === 200;

const byEnt = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => ENTS.map((e, i) => [actor, e, table[actor][i]!] as const));

describe.each(byEnt(RAISE))('POST /api/service-requests — %s for %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', '/api/service-requests', requestBody(ent[e]));
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byEnt(READ))('GET /api/service-requests/:id — %s on %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const id = await raised(e);
    const res = await w.call(actor, 'GET', `/api/service-requests/${id}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().thread.map((x: { kind: string }) => x.kind)).toEqual(['raise']);
  });
});

describe.each(byEnt(MESSAGE))('POST /api/service-requests/:id/messages — %s on %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const id = await raised(e);
    expect((await w.call(actor, 'POST', `/api/service-requests/${id}/messages`, { body: '补充说明' })).statusCode).toBe(status);
  });
});

describe.each(byEnt(HANDLER))('GET /api/service-requests/:id/assignees — %s on %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const id = await raised(e);
    expect((await w.call(actor, 'GET', `/api/service-requests/${id}/assignees`)).statusCode).toBe(status);
  });
});

describe.each(byEnt(HANDLER))('POST /api/service-requests/:id/assign — %s on %s → %i', (actor, e, status) => {
  it('answers as declared; the request is assigned only when allowed', async () => {
    const id = await raised(e);
    const assigneeId = w.userIds[handles(actor, e) ? (actor as 'city') : 'city'];
    expect((await w.call(actor, 'POST', `/api/service-requests/${id}/assign`, { assigneeId })).statusCode).toBe(status);
    const r = await t.deps.db
      .selectFrom('service_request')
      .select(['status', 'assignee_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(r.status).toBe(status === 200 ? 'in_progress' : 'open');
  });
});

describe.each(byEnt(HANDLER))('POST /api/service-requests/:id/answer — %s on %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const id = await inHand(e, handles(actor, e) ? actor : 'city');
    const res = await w.call(actor, 'POST', `/api/service-requests/${id}/answer`, { body: '已答复' });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byEnt(REQUESTER))('POST /api/service-requests/:id/withdraw — %s on %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const id = await raised(e);
    expect((await w.call(actor, 'POST', `/api/service-requests/${id}/withdraw`, { reason: '问题已自行解决' })).statusCode).toBe(
      status,
    );
  });
});

describe.each(byEnt(REQUESTER))('POST /api/service-requests/:id/reopen — %s on %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const id = await inHand(e, 'city', true);
    expect((await w.call(actor, 'POST', `/api/service-requests/${id}/reopen`, { reason: '答复未解决问题' })).statusCode).toBe(
      status,
    );
  });
});

describe.each(byEnt(REQUESTER))('POST /api/service-requests/:id/close — %s on %s → %i', (actor, e, status) => {
  it('answers as declared; only an allowed close stores the rating', async () => {
    const id = await inHand(e, 'city', true);
    expect((await w.call(actor, 'POST', `/api/service-requests/${id}/close`, { rating: 4 })).statusCode).toBe(status);
    const r = await t.deps.db
      .selectFrom('service_request')
      .select(['status', 'rating'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([r.status, r.rating === null ? null : Number(r.rating)]).toEqual(status === 200 ? ['closed', 4] : ['answered', null]);
  });
});

// The lists: the queue for handlers; "my requests" and the enterprise choice for the requesting side.
const QUEUE: Record<Actor, number> = {
  anonymous: 401,
  member: 403,
  enterprise: 403,
  secretary: 403,
  districtA: 200,
  districtB: 200,
  city: 200,
  sysadmin: 403,
  secadmin: 403,
  auditor: 403,
};
const RAISED: Record<Actor, number> = { ...QUEUE, enterprise: 200, secretary: 200, districtA: 403, districtB: 403, city: 403 };

describe.each(ACTORS.map((a) => [a, QUEUE[a]] as const))('GET /api/service-requests — %s → %i', (actor, status) => {
  it('answers as declared, listing only requests the actor handles', async () => {
    await raised('entA1');
    await raised('entB1');
    for (const view of ['all', 'unassigned', 'overdue', 'mine']) {
      const res = await w.call(actor, 'GET', `/api/service-requests?view=${view}&pageSize=100`);
      expect(res.statusCode).toBe(status);
      if (status !== 200) continue;
      for (const item of res.json().items as { enterprise: { id: string } }[]) {
        const e = ENTS.find((x) => ent[x] === item.enterprise.id)!;
        expect(handles(actor, e)).toBe(true);
      }
      if (view === 'all') expect(res.json().total).toBeGreaterThan(0);
    }
  });
});

describe.each(ACTORS.map((a) => [a, RAISED[a]] as const))('GET /api/service-requests/raised — %s → %i', (actor, status) => {
  it('answers as declared, listing only the actor’s enterprises', async () => {
    await raised('entA1');
    await raised('entA2');
    await raised('entB1');
    const res = await w.call(actor, 'GET', '/api/service-requests/raised?pageSize=100');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    const seen = new Set((res.json().items as { enterprise: { id: string } }[]).map((i) => i.enterprise.id));
    expect([...seen]).toEqual([ent[actor === 'enterprise' ? 'entA2' : 'entA1']]);
  });
});

describe.each(ACTORS.map((a) => [a, RAISED[a]] as const))('GET /api/service-requests/enterprises — %s → %i', (actor, status) => {
  it('answers as declared, with names only', async () => {
    const res = await w.call(actor, 'GET', '/api/service-requests/enterprises');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([ent[actor === 'enterprise' ? 'entA2' : 'entA1']]);
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(['areaOrgId', 'id', 'name', 'orgName']);
  });
});

describe.each(ACTORS.map((a) => [a, QUEUE[a]] as const))('GET /api/service-requests/summary — %s → %i', (actor, status) => {
  it('answers as declared, counting only what the actor handles', async () => {
    const res = await w.call(actor, 'GET', '/api/service-requests/summary');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    const queue = (await w.call(actor, 'GET', '/api/service-requests?view=all&pageSize=1')).json();
    const total = (res.json().cells as { count: number }[]).reduce((s, c) => s + c.count, 0);
    expect(total).toBe(queue.counts.all);
    expect(res.json().overdue).toBe(queue.counts.overdue);
  });
});

describe.each(ACTORS.map((a) => [a, QUEUE[a]] as const))('GET /api/service-requests/export — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', '/api/service-requests/export?view=all');
    expect(res.statusCode).toBe(status);
  });
});

// A file on a request's thread: read by the request's two sides only (the store asks the service's rule).
describe.each(byEnt(READ))('GET /api/attachments/:id (a request’s file) — %s on %s → %i', (actor, e, status) => {
  it('answers as declared', async () => {
    const id = await inHand(e, 'city');
    const orgId = e === 'entB1' ? w.tree.districtB : w.tree.districtA;
    const body = files.multipart('答复附件.png', files.png());
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=service_request&orgId=${orgId}`,
      headers: { ...w.sessions.city!.headers, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode).toBe(201);
    const fileId = up.json().id;
    const msg = await w.call('city', 'POST', `/api/service-requests/${id}/messages`, {
      body: '附件见此',
      attachmentIds: [fileId],
    });
    expect(msg.statusCode).toBe(201);
    expect((await w.call(actor, 'GET', `/api/attachments/${fileId}`)).statusCode).toBe(status);
  });
});
