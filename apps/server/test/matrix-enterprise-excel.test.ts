import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseBody } from './enterprises.support.js';
import { ACTORS, type Actor, enterpriseMatrixWorld, one } from './matrix-enterprises.support.js';

let m: Awaited<ReturnType<typeof enterpriseMatrixWorld>>;
beforeAll(async () => {
  m = await enterpriseMatrixWorld();
});
afterAll(() => m.t.close());
const call = (actor: Actor, method: string, url: string) => m.call(actor, method, url);

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
  sheet.addRow(['矩阵导入科技有限公司', enterpriseBody(m.w.tree.districtA).creditCode, '甲区互联网行业党委']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function uploadAs(actor: Actor) {
  const { multipartFile } = await import('./fixtures/ledger-files.js');
  const body = multipartFile('企业名录.xlsx', await smallWorkbook());
  const headers =
    actor === 'anonymous' ? {} : actor === 'instructor' ? m.instructorSession.headers : m.w.sessions[actor]!.headers;
  return m.t.app.inject({
    method: 'POST',
    url: '/api/enterprises/import',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}
async function settledImport(id: string) {
  for (let i = 0; i < 200; i++) {
    const s = await m.w.call('city', 'GET', `/api/enterprises/import/${id}`);
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
