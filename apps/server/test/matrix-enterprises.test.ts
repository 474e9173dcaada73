import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseBody } from './enterprises.support.js';
import { row } from './matrix.support.js';
import { ACTORS, type Actor, all, enterpriseMatrixWorld, one, TARGETS, type Target } from './matrix-enterprises.support.js';
import { addUser } from './support.js';

// AZ-02 for the enterprise routes; the columns are described in matrix-enterprises.support.ts.

let m: Awaited<ReturnType<typeof enterpriseMatrixWorld>>;
let t: typeof m.t;
let w: typeof m.w;
const ids = {} as Record<Target, string>;
beforeAll(async () => {
  m = await enterpriseMatrixWorld();
  ({ t, w } = m);
  Object.assign(ids, m.ids);
});
afterAll(() => m.t.close());
const call = (actor: Actor, method: string, url: string, payload?: object) => m.call(actor, method, url, payload);
const fresh = (target: Target, name?: string) => m.fresh(target, name);
const areaOf = (target: Target) => m.areaOf(target);
const coverOf = (target: Target) => m.coverOf(target);

const READ: Record<Actor, number[]> = {
  anonymous: all(401),
  member: all(404),
  enterprise: row('404 200 404'),
  instructor: row('404 200 404'),
  secretary: row('200 404 404'),
  districtA: row('200 200 404'),
  districtB: row('404 404 200'),
  city: all(200),
  sysadmin: all(404),
  secadmin: all(404),
  auditor: all(404),
};
// Changing an enterprise: enterprise.manage at its area; those who only see it get 403.
const MANAGE: Record<Actor, number[]> = {
  ...READ,
  enterprise: row('404 403 404'),
  instructor: row('404 403 404'),
  secretary: row('403 404 404'),
};
const CREATED = (table: Record<Actor, number[]>) =>
  Object.fromEntries(Object.entries(table).map(([a, r]) => [a, r.map((s) => (s === 200 ? 201 : s))])) as Record<Actor, number[]>;
// Recording work: only the instructor assigned to it; others who see it get 403.
const LOG: Record<Actor, number[]> = {
  ...READ,
  instructor: row('404 201 404'),
  enterprise: row('404 403 404'),
  secretary: row('403 404 404'),
  districtA: row('403 403 404'),
  districtB: row('404 404 403'),
  city: all(403),
};
// Registering under 甲区 / 乙区 (columns EA*, EB1 by area): the area's committee admins.
const CREATE: Record<Actor, number[]> = {
  anonymous: all(401),
  member: all(404),
  enterprise: all(404),
  instructor: all(404),
  secretary: all(404),
  districtA: row('201 201 404'),
  districtB: row('404 404 201'),
  city: all(201),
  sysadmin: all(404),
  secadmin: all(403),
  auditor: all(404),
};
//                   anon mem ent sec dA  dB  city sys sec aud instr
const LIST = one('    401  403 200 200 200 200 200  403 403 403 200');
const COVERAGE = one('401  403 403 200 200 200 200  403 403 403 403');
const WORK = one('    401  403 403 200 200 200 200  403 403 403 200');
const CANDIDATES = one('401 403 403 403 200 200 200  403 403 403 403');

const cells = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, table[actor][i]!] as const));
const version = async (id: string) =>
  (await t.deps.db.selectFrom('enterprise').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

describe.each(cells(READ))('GET /api/enterprises/:id — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await call(actor, 'GET', `/api/enterprises/${ids[target]}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().id).toBe(ids[target]);
  });
});

describe.each(cells(CREATE))('POST /api/enterprises — %s under %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await call(actor, 'POST', '/api/enterprises', enterpriseBody(areaOf(target)))).statusCode).toBe(status);
  });
});

describe.each(cells(MANAGE))('PUT /api/enterprises/:id — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const id = ids[target];
    const name = `矩阵目标${target}有限公司`;
    const body = {
      ...enterpriseBody(areaOf(target), { name, coveringOrgId: coverOf(target) }),
      version: await version(id),
      reason: '矩阵修改',
    };
    expect((await call(actor, 'PUT', `/api/enterprises/${id}`, body)).statusCode).toBe(status);
  });
});

describe.each(cells(MANAGE))('POST /api/enterprises/:id/archive — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const id = await fresh(target);
    expect((await call(actor, 'POST', `/api/enterprises/${id}/archive`, { reason: '矩阵归档' })).statusCode).toBe(status);
  });
});

describe.each(cells(MANAGE))('POST /api/enterprises/:id/restore — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const id = await fresh(target);
    expect((await w.call('city', 'POST', `/api/enterprises/${id}/archive`, { reason: '矩阵归档' })).statusCode).toBe(200);
    expect((await call(actor, 'POST', `/api/enterprises/${id}/restore`, { reason: '矩阵恢复' })).statusCode).toBe(status);
  });
});

describe.each(cells(MANAGE))('POST and DELETE /api/enterprises/:id/contacts — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const id = await fresh(target);
    const other = await addUser(t.deps, `m_contact_${actor}_${target}`, [{ role: 'enterprise_contact', orgId: areaOf(target) }]);
    expect((await call(actor, 'POST', `/api/enterprises/${id}/contacts`, { userId: other })).statusCode).toBe(status);
    if (status !== 200)
      expect((await w.call('city', 'POST', `/api/enterprises/${id}/contacts`, { userId: other })).statusCode).toBe(200);
    expect((await call(actor, 'DELETE', `/api/enterprises/${id}/contacts/${other}`)).statusCode).toBe(status);
  });
});

describe.each(cells(MANAGE))('POST /api/enterprises/:id/members/link — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await call(actor, 'POST', `/api/enterprises/${ids[target]}/members/link`)).statusCode).toBe(status);
  });
});

describe.each(cells(CREATED(MANAGE)))('POST /api/enterprises/:id/assignments — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const id = await fresh(target);
    const other = await addUser(t.deps, `m_instr_${actor}_${target}`, [{ role: 'instructor', orgId: areaOf(target) }]);
    const res = await call(actor, 'POST', `/api/enterprises/${id}/assignments`, { instructorId: other, startsOn: '2026-11-01' });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(cells(MANAGE))('POST /api/instructor-assignments/:id/end — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const id = await fresh(target);
    const a = await w.call('city', 'POST', `/api/enterprises/${id}/assignments`, {
      instructorId: await addUser(t.deps, `m_end_${actor}_${target}`, [{ role: 'instructor', orgId: w.tree.city }]),
      startsOn: '2026-10-01',
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(
      (await call(actor, 'POST', `/api/instructor-assignments/${a.json().id}/end`, { endsOn: '2026-11-26' })).statusCode,
    ).toBe(status);
  });
});

describe.each(cells(LOG))('POST /api/enterprises/:id/logs — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await call(actor, 'POST', `/api/enterprises/${ids[target]}/logs`, {
      kind: 'visit',
      onDate: '2026-11-20',
      notes: '矩阵走访记录',
    });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(ACTORS.map((a) => [a, LIST[a]] as const))('GET /api/enterprises — %s → %i', (actor, status) => {
  it('answers as declared, listing only enterprises it may read', async () => {
    const res = await call(actor, 'GET', `/api/enterprises?pageSize=100&q=${encodeURIComponent('矩阵目标')}`);
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    expect(res.json().total).toBe(res.json().items.length);
    for (const target of TARGETS) {
      const listed = res.json().items.some((i: { id: string }) => i.id === ids[target]);
      expect(listed).toBe(READ[actor][TARGETS.indexOf(target)] === 200);
    }
  });
});

describe.each(ACTORS.map((a) => [a, COVERAGE[a]] as const))('GET /api/enterprises/coverage — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await call(actor, 'GET', '/api/enterprises/coverage')).statusCode).toBe(status);
  });
});

describe.each(ACTORS.map((a) => [a, WORK[a]] as const))('GET /api/instructor-work — %s → %i', (actor, status) => {
  it('answers as declared, with assignments only at enterprises it may read', async () => {
    const res = await call(actor, 'GET', '/api/instructor-work');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    for (const a of res.json().assignments as { enterpriseId: string }[]) {
      expect((await call(actor, 'GET', `/api/enterprises/${a.enterpriseId}`)).statusCode).toBe(200);
    }
  });
});

describe.each(ACTORS.map((a) => [a, CANDIDATES[a]] as const))('GET /api/enterprises/candidates — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await call(actor, 'GET', '/api/enterprises/candidates?role=instructor')).statusCode).toBe(status);
  });
});

// One enterprise's instructor work: those who may see instructor work at all, for an enterprise they see.
const WORK_OF_ONE: Record<Actor, number[]> = {
  ...READ,
  member: all(403),
  enterprise: all(403),
  sysadmin: all(403),
  secadmin: all(403),
  auditor: all(403),
};
describe.each(cells(WORK_OF_ONE))('GET /api/instructor-work?enterpriseId — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await call(actor, 'GET', `/api/instructor-work?enterpriseId=${ids[target]}`)).statusCode).toBe(status);
  });
});
