import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseBody } from './enterprises.support.js';
import { ACTORS as BASE_ACTORS, matrixWorld, row } from './matrix.support.js';
import { addUser, type Session, signIn, testApp } from './support.js';

/**
 * AZ-02 for the enterprise routes. Columns are three enterprises of the matrix world:
 *   EA1: area 甲区, covered by branchA1 (the secretary's branch)
 *   EA2: area 甲区, covered by branchA2; the enterprise actor is its contact, the instructor is assigned to it
 *   EB1: area 乙区, covered by branchB1
 * The enterprise contact and the instructor hold grants at branchA2 (org reach), which show them no enterprise
 * by themselves: they see only what is linked to their account.
 */
const ACTORS = [...BASE_ACTORS, 'instructor'] as const;
type Actor = (typeof ACTORS)[number];
const TARGETS = ['EA1', 'EA2', 'EB1'] as const;
type Target = (typeof TARGETS)[number];
const all = (status: number) => row(`${status} ${status} ${status}`);

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
let instructorId: string;
let instructorSession: Session;
const ids = {} as Record<Target, string>;

const call = (actor: Actor, method: string, url: string, payload?: object) =>
  actor === 'instructor'
    ? t.app.inject({ method: method as 'GET', url, headers: instructorSession.headers, ...(payload ? { payload } : {}) })
    : w.call(actor, method, url, payload);

const areaOf = (target: Target) => (target === 'EB1' ? w.tree.districtB : w.tree.districtA);
const coverOf = (target: Target) => ({ EA1: w.tree.branchA1, EA2: w.tree.branchA2, EB1: w.tree.branchB1 })[target];

/** A fresh enterprise at a target's place (for routes that change it), linked like the target. */
async function fresh(target: Target, name?: string): Promise<string> {
  const body = enterpriseBody(areaOf(target), { coveringOrgId: coverOf(target), ...(name ? { name } : {}) });
  const res = await w.call('city', 'POST', '/api/enterprises', body);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id;
  if (target === 'EA2') {
    expect((await w.call('city', 'POST', `/api/enterprises/${id}/contacts`, { userId: w.userIds.enterprise })).statusCode).toBe(
      200,
    );
    const a = await w.call('city', 'POST', `/api/enterprises/${id}/assignments`, { instructorId, startsOn: '2026-01-01' });
    expect(a.statusCode, a.body).toBe(201);
  }
  return id;
}

beforeAll(async () => {
  t = await testApp();
  t.clock.set(new Date('2026-11-26T04:00:00Z'));
  w = await matrixWorld(t);
  instructorId = await addUser(t.deps, 'm_instructor', [{ role: 'instructor', orgId: w.tree.branchA2, reach: 'org' }]);
  instructorSession = await signIn(t.app, 'm_instructor');
  for (const target of TARGETS) ids[target] = await fresh(target, `矩阵目标${target}有限公司`);
});
afterAll(() => t.close());

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
const one = (values: string) =>
  Object.fromEntries(ACTORS.map((a, i) => [a, Number(values.trim().split(/\s+/)[i])])) as Record<Actor, number>;
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

// The Excel routes. Template, upload, status and confirm: enterprise.manage somewhere (an import is private to
// its uploader: another manager gets 404). Export: enterprise.read somewhere (the rows follow the list's rule).
//                       anon mem ent sec dA  dB  city sys sec aud instr
const TEMPLATE = one('   401  403 403 403 200 200 200  403 403 403 403');
const UPLOAD = one('     401  403 403 403 202 202 202  403 403 403 403');
const OWN_IMPORT = one(' 401  403 403 403 404 404 200  403 403 403 403');
const EXPORT = one('     401  403 403 200 200 200 200  403 403 403 403');

async function smallWorkbook(): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业名录');
  sheet.addRow(['企业名称', '统一社会信用代码', '所属区县']);
  sheet.addRow(['矩阵导入科技有限公司', enterpriseBody(w.tree.districtA).creditCode, '甲区互联网行业党委']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function uploadAs(actor: Actor) {
  const { multipartFile } = await import('./fixtures/ledger-files.js');
  const body = multipartFile('企业名录.xlsx', await smallWorkbook());
  const headers = actor === 'anonymous' ? {} : actor === 'instructor' ? instructorSession.headers : w.sessions[actor]!.headers;
  return t.app.inject({
    method: 'POST',
    url: '/api/enterprises/import',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}
async function settledImport(id: string) {
  for (let i = 0; i < 200; i++) {
    const s = await w.call('city', 'GET', `/api/enterprises/import/${id}`);
    if (s.json().status !== 'validating') return s.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('validation did not finish');
}

describe.each(ACTORS.map((a) => [a, TEMPLATE[a]] as const))('GET /api/enterprises/import/template — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await call(actor, 'GET', '/api/enterprises/import/template')).statusCode).toBe(status);
  });
});

describe.each(ACTORS.map((a) => [a, UPLOAD[a]] as const))('POST /api/enterprises/import — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    const res = await uploadAs(actor);
    expect(res.statusCode).toBe(status);
    if (status !== 202) return;
    // Let the validation finish before the next upload (one running validation per user).
    for (let i = 0; i < 200; i++) {
      const s = await call(actor, 'GET', `/api/enterprises/import/${res.json().id}`);
      if (s.json().status !== 'validating') break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});

describe.each(ACTORS.map((a) => [a, OWN_IMPORT[a]] as const))(
  "GET and confirm /api/enterprises/import/:id (the city admin's) — %s → %i",
  (actor, status) => {
    it('answers as declared', async () => {
      const res = await uploadAs('city');
      expect(res.statusCode).toBe(202);
      const id = res.json().id;
      expect((await settledImport(id)).status).toBe('ready');
      expect((await call(actor, 'GET', `/api/enterprises/import/${id}`)).statusCode).toBe(status);
      const confirm = await call(actor, 'POST', `/api/enterprises/import/${id}/confirm`);
      // The city admin's file names 甲区 (in its scope); others never reach the file.
      expect(confirm.statusCode).toBe(status);
    });
  },
);

describe.each(ACTORS.map((a) => [a, EXPORT[a]] as const))('GET /api/enterprises/export — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await call(actor, 'GET', '/api/enterprises/export')).statusCode).toBe(status);
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
