import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountBody, governanceWorld, HOUR, PLEDGE_TEXT, rebuttalFor, releaseBody } from './governance.support.js';
import { ACTORS, type Actor } from './matrix.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof governanceWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await governanceWorld(t);
});
afterAll(() => t.close());

/**
 * AZ-02 for online governance (issue #17). Pledges, the rebuttal library and relay reports follow the one
 * enterprise rule (access/enterprise-scope.ts): the enterprise actor is the contact of 甲二 only. Enterprises:
 * 甲一 (branchA1, districtA), 甲二 (branchA2, districtA), 乙一 (branchB1, districtB).
 */
const each = (table: Record<Actor, number>) => ACTORS.map((a) => [a, table[a]] as const);
const ENTS = ['a1', 'a2', 'b1'] as const;
type Ent = (typeof ENTS)[number];
const byEnt = (table: Record<Actor, string>) =>
  ACTORS.flatMap((a) => ENTS.map((e, i) => [a, e, Number(table[a].split(' ')[i])] as const));
const admins = (s: number) => ({ sysadmin: s, secadmin: s, auditor: s });

const BUSINESS_READ: Record<Actor, number> = {
  anonymous: 401,
  member: 200,
  enterprise: 200,
  secretary: 200,
  districtA: 200,
  districtB: 200,
  city: 200,
  ...admins(403),
};

describe('pledges', () => {
  const CREATE: Record<Actor, number> = {
    anonymous: 401,
    member: 404,
    enterprise: 404,
    secretary: 404,
    districtA: 404,
    districtB: 404,
    city: 201,
    sysadmin: 404,
    secadmin: 403,
    auditor: 404,
  };
  const REVISE: Record<Actor, number> = {
    anonymous: 401,
    member: 403,
    enterprise: 403,
    secretary: 403,
    districtA: 403,
    districtB: 403,
    city: 201,
    ...admins(404),
  };
  const SIGNATURES: Record<Actor, number> = { ...BUSINESS_READ, member: 403, enterprise: 403 };
  const SIGN: Record<Actor, string> = {
    anonymous: '401 401 401',
    member: '404 404 404',
    enterprise: '404 201 404',
    secretary: '403 404 404',
    districtA: '403 403 404',
    districtB: '404 404 403',
    city: '403 403 403',
    sysadmin: '404 404 404',
    secadmin: '404 404 404',
    auditor: '404 404 404',
  };
  const body = () => ({
    orgId: w.tree.city,
    title: '自律倡议书',
    issuerKind: 'committee',
    issuerName: '市党委',
    body: PLEDGE_TEXT,
  });

  it.each(each(CREATE))('POST /api/governance/pledges — %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'POST', '/api/governance/pledges', body())).statusCode).toBe(status);
  });
  it.each(each(BUSINESS_READ))('GET /api/governance/pledges — %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'GET', '/api/governance/pledges')).statusCode).toBe(status);
  });
  it.each(each(BUSINESS_READ))('GET /api/governance/pledges/:id — %s → %i', async (actor, status) => {
    const id = await w.pledge();
    expect((await w.call(actor, 'GET', `/api/governance/pledges/${id}`)).statusCode).toBe(status);
  });
  it.each(each(REVISE))('POST /api/governance/pledges/:id/versions — %s → %i', async (actor, status) => {
    const id = await w.pledge();
    expect((await w.call(actor, 'POST', `/api/governance/pledges/${id}/versions`, { body: PLEDGE_TEXT })).statusCode).toBe(
      status,
    );
  });
  it.each(each(SIGNATURES))(
    'GET /api/governance/pledges/:id/signatures — %s → %i, only enterprises it reads',
    async (actor, status) => {
      const id = await w.pledge();
      const res = await w.call(actor, 'GET', `/api/governance/pledges/${id}/signatures`);
      expect(res.statusCode).toBe(status);
      if (status !== 200) return;
      const seen = res.json().items.map((r: { enterprise: { id: string } }) => r.enterprise.id);
      const expected: Record<string, Ent[]> = {
        secretary: ['a1'],
        districtA: ['a2', 'a1'],
        districtB: ['b1'],
        city: ['a2', 'a1', 'b1'],
      };
      expect(seen.sort()).toEqual(expected[actor]!.map((e) => w.ent[e]).sort());
    },
  );
  it.each(byEnt(SIGN))('POST /api/governance/pledges/:id/sign — %s for %s → %i', async (actor, e, status) => {
    const id = await w.pledge();
    expect((await w.call(actor, 'POST', `/api/governance/pledges/${id}/sign`, { enterpriseId: w.ent[e] })).statusCode).toBe(
      status,
    );
  });
});

describe('the media matrix', () => {
  const CREATE: Record<Actor, string> = {
    anonymous: '401 401 401',
    member: '404 404 404',
    enterprise: '404 201 404',
    secretary: '403 404 404',
    districtA: '201 201 404',
    districtB: '404 404 201',
    city: '201 201 201',
    sysadmin: '404 404 404',
    secadmin: '404 404 404',
    auditor: '404 404 404',
  };
  const EDIT: Record<Actor, string> = Object.fromEntries(ACTORS.map((a) => [a, CREATE[a].replaceAll('201', '200')])) as Record<
    Actor,
    string
  >;
  const account = async (e: Ent) => {
    const res = await w.call('city', 'POST', '/api/governance/media-accounts', accountBody('enterprise', w.ent[e]));
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it.each(byEnt(CREATE))('POST /api/governance/media-accounts — %s for %s → %i', async (actor, e, status) => {
    expect((await w.call(actor, 'POST', '/api/governance/media-accounts', accountBody('enterprise', w.ent[e]))).statusCode).toBe(
      status,
    );
  });
  it.each(byEnt(EDIT))('PUT /api/governance/media-accounts/:id — %s on %s → %i', async (actor, e, status) => {
    const id = await account(e);
    const { ownerKind: _k, ownerId: _o, ...body } = accountBody('enterprise', w.ent[e]);
    expect((await w.call(actor, 'PUT', `/api/governance/media-accounts/${id}`, { ...body, version: 1 })).statusCode).toBe(status);
  });
  it.each(each(BUSINESS_READ))('GET /api/governance/media-accounts — %s → %i, only accounts it sees', async (actor, status) => {
    const ids = { a1: await account('a1'), a2: await account('a2'), b1: await account('b1') };
    const res = await w.call(actor, 'GET', '/api/governance/media-accounts?pageSize=100');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    const seen = new Set(res.json().items.map((i: { id: string }) => i.id));
    const sees = (e: Ent) => CREATE[actor].split(' ')[ENTS.indexOf(e)] !== '404';
    for (const e of ENTS) expect(seen.has(ids[e])).toBe(sees(e));
  });
  it.each(each(BUSINESS_READ))('GET /api/governance/owners — %s → %i', async (actor, status) => {
    const res = await w.call(actor, 'GET', '/api/governance/owners');
    expect(res.statusCode).toBe(status);
    if (actor === 'enterprise') expect(res.json().enterprises.map((e: { id: string }) => e.id)).toEqual([w.ent.a2]);
  });
});

describe('hot events, releases and relay tasks', () => {
  const MANAGERS: Record<Actor, number> = {
    anonymous: 401,
    member: 403,
    enterprise: 403,
    secretary: 403,
    districtA: 200,
    districtB: 200,
    city: 200,
    ...admins(403),
  };
  // The city's own event: only the city (the districts do not see the city org: 404; secadmin sees the directory).
  const CITY_ONLY: Record<Actor, number> = {
    anonymous: 401,
    member: 404,
    enterprise: 404,
    secretary: 404,
    districtA: 404,
    districtB: 404,
    city: 200,
    sysadmin: 404,
    secadmin: 403,
    auditor: 404,
  };
  const created = (table: Record<Actor, number>) =>
    Object.fromEntries(ACTORS.map((a) => [a, table[a] === 200 ? 201 : table[a]])) as Record<Actor, number>;
  // A city release with tasks for 甲一, 甲二, 乙一 and 甲一's branch: its relaying sides read it.
  const READ_RELEASE: Record<Actor, number> = { ...CITY_ONLY, enterprise: 200, secretary: 200, secadmin: 404 };
  const TARGETS = ['a1', 'a2', 'b1', 'branchA1'] as const;
  const REPORT: Record<Actor, string> = {
    anonymous: '401 401 401 401',
    member: '404 404 404 404',
    enterprise: '404 200 404 404',
    secretary: '404 404 404 200',
    districtA: '404 404 404 404',
    districtB: '404 404 404 404',
    city: '403 403 403 403',
    sysadmin: '404 404 404 404',
    secadmin: '404 404 404 404',
    auditor: '404 404 404 404',
  };
  const event = async () => {
    const res = await w.call('city', 'POST', '/api/governance/events', {
      orgId: w.tree.city,
      title: '热点事件',
      summary: '概述内容',
    });
    return res.json().id as string;
  };
  const targets = () => [
    { kind: 'enterprise', id: w.ent.a1 },
    { kind: 'enterprise', id: w.ent.a2 },
    { kind: 'enterprise', id: w.ent.b1 },
    { kind: 'org', id: w.tree.branchA1 },
  ];
  const future = () => new Date(t.clock.now().getTime() + 24 * HOUR).toISOString();
  const release = async () => {
    const res = await w.call(
      'city',
      'POST',
      `/api/governance/events/${await event()}/releases`,
      releaseBody(targets(), future()),
    );
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it.each(each(MANAGERS))('GET /api/governance/events — %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'GET', '/api/governance/events')).statusCode).toBe(status);
  });
  it.each(each(created(CITY_ONLY)))('POST /api/governance/events — %s → %i', async (actor, status) => {
    const res = await w.call(actor, 'POST', '/api/governance/events', {
      orgId: w.tree.city,
      title: '热点事件',
      summary: '概述内容',
    });
    expect(res.statusCode).toBe(status);
  });
  it.each(each(CITY_ONLY))('GET /api/governance/events/:id/targets — %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'GET', `/api/governance/events/${await event()}/targets`)).statusCode).toBe(status);
  });
  it.each(each(created(CITY_ONLY)))('POST /api/governance/events/:id/releases — %s → %i', async (actor, status) => {
    const id = await event();
    expect(
      (await w.call(actor, 'POST', `/api/governance/events/${id}/releases`, releaseBody(targets(), future()))).statusCode,
    ).toBe(status);
  });
  it.each(each(READ_RELEASE))('GET /api/governance/releases/:id — %s → %i, its own tasks only', async (actor, status) => {
    const res = await w.call(actor, 'GET', `/api/governance/releases/${await release()}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().tasks).toHaveLength(actor === 'city' ? 4 : 1);
  });
  it.each(each(CITY_ONLY))('GET /api/governance/releases/:id/export — %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'GET', `/api/governance/releases/${await release()}/export`)).statusCode).toBe(status);
  });
  it.each(each(BUSINESS_READ))('GET /api/governance/relay-tasks — %s → %i, only its own', async (actor, status) => {
    await release();
    const res = await w.call(actor, 'GET', '/api/governance/relay-tasks');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    const mine: Record<string, string | undefined> = { enterprise: w.ent.a2, secretary: w.tree.branchA1 };
    for (const item of res.json().items) expect(item.target.id).toBe(mine[actor]);
    expect(res.json().items.length > 0).toBe(mine[actor] !== undefined);
  });
  it.each(ACTORS.flatMap((a) => TARGETS.map((x, i) => [a, x, Number(REPORT[a].split(' ')[i])] as const)))(
    'POST /api/governance/relay-tasks/:id/report — %s on %s → %i',
    async (actor, target, status) => {
      const id = await release();
      const tasks = (await w.call('city', 'GET', `/api/governance/releases/${id}`)).json().tasks;
      const targetId = target === 'branchA1' ? w.tree.branchA1 : w.ent[target];
      const task = tasks.find((x: { target: { id: string } }) => x.target.id === targetId);
      let shots: string[] = [];
      if (status === 200) shots = [(await w.upload(actor, 'relay_report', w.tree.city)).json().id];
      const res = await w.call(actor, 'POST', `/api/governance/relay-tasks/${task.id}/report`, {
        url: 'https://weibo.com/relay/1',
        screenshotIds: shots.length ? shots : ['0190a6a0-0000-7000-8000-000000000000'],
      });
      expect(res.statusCode).toBe(status);
    },
  );
});

describe('rebuttals and rumour reports', () => {
  const CREATE_REBUTTAL: Record<Actor, number> = {
    anonymous: 401,
    member: 404,
    enterprise: 404,
    secretary: 404,
    districtA: 404,
    districtB: 404,
    city: 201,
    sysadmin: 404,
    secadmin: 403,
    auditor: 404,
  };
  // Submitting from 甲一's branch: those who see it (org.read there) may; committees above too.
  const SUBMIT: Record<Actor, number> = {
    anonymous: 401,
    member: 201,
    enterprise: 404,
    secretary: 201,
    districtA: 201,
    districtB: 404,
    city: 201,
    sysadmin: 404,
    secadmin: 403,
    auditor: 404,
  };
  const QUEUE: Record<Actor, number> = { ...BUSINESS_READ, member: 403, enterprise: 403, secretary: 403 };
  // A report from 甲一's branch by the member: answered by 甲区 and the city; the member is refused.
  const ANSWER: Record<Actor, number> = {
    anonymous: 401,
    member: 403,
    enterprise: 404,
    secretary: 404,
    districtA: 200,
    districtB: 404,
    city: 200,
    ...admins(404),
  };
  const report = async () => {
    const res = await w.call('member', 'POST', '/api/governance/rumour-reports', {
      orgId: w.tree.branchA1,
      text: '可疑信息内容',
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it.each(each(BUSINESS_READ))('GET /api/governance/rebuttals — %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'GET', '/api/governance/rebuttals?q=数据')).statusCode).toBe(status);
  });
  it.each(each(CREATE_REBUTTAL))('POST /api/governance/rebuttals — %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'POST', '/api/governance/rebuttals', rebuttalFor(w.tree.city, '网传某事不实'))).statusCode).toBe(
      status,
    );
  });
  it.each(each(SUBMIT))('POST /api/governance/rumour-reports — %s → %i', async (actor, status) => {
    const res = await w.call(actor, 'POST', '/api/governance/rumour-reports', { orgId: w.tree.branchA1, text: '可疑信息内容' });
    expect(res.statusCode).toBe(status);
  });
  it.each(each(BUSINESS_READ))('GET /api/governance/rumour-reports — %s → %i, only its own', async (actor, status) => {
    await report();
    const res = await w.call(actor, 'GET', '/api/governance/rumour-reports');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    for (const item of res.json().items) expect(item.submittedByName).toBe(`m_${actor}`);
    if (actor === 'member') expect(res.json().items.length).toBeGreaterThan(0);
  });
  it.each(each(QUEUE))('GET /api/governance/rumour-reports?view=queue — %s → %i, its scope only', async (actor, status) => {
    await report();
    const res = await w.call(actor, 'GET', '/api/governance/rumour-reports?view=queue');
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().items.length > 0).toBe(actor !== 'districtB');
  });
  it.each(each(ANSWER))('POST /api/governance/rumour-reports/:id/answer — %s → %i', async (actor, status) => {
    const id = await report();
    const res = await w.call(actor, 'POST', `/api/governance/rumour-reports/${id}/answer`, {
      verdict: 'rumour',
      answer: '经核实为谣言',
      officialUrl: 'https://www.example.gov.cn/piyao/2.html',
    });
    expect(res.statusCode).toBe(status);
  });
});
