import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwnerAttachments } from '../src/modules/attachments/attachment.repository.js';
import { defineAttachmentUse } from '../src/modules/attachments/attachment-uses.js';
import { filesDir } from '../src/platform/files/store.js';
import { notFound } from '../src/platform/http/errors.js';
import * as files from './fixtures/files.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

// A use of the store for these tests only: files owned by an org (owner id = org id), read with member.read.
defineAttachmentUse({
  kind: 'test_org_file',
  types: ['jpeg', 'png', 'pdf', 'docx'],
  maxBytes: 200 * 1024,
  authorizeUpload: (access, orgId) => access.authorize('member.manage', orgId),
  async authorizeRead(_trx, access, ownerId) {
    if (!(await access.can('member.read', ownerId))) throw notFound('附件');
  },
});

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let secretary: Session;
let other: Session;
let secretaryId: string;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  secretaryId = await addUser(t.deps, 'att_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'att_other', [{ role: 'secretary', orgId: tree.branchB1 }]);
  secretary = await signIn(t.app, 'att_secretary');
  other = await signIn(t.app, 'att_other');
});
afterAll(() => t.close());

const upload = (s: Session, name: string, bytes: Buffer, orgId = tree.branchA1, use = 'test_org_file') => {
  const body = files.multipart(name, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/attachments?use=${use}&orgId=${orgId}`,
    headers: { ...s.headers, ...body.headers },
    payload: body.payload,
  });
};

describe('attachment store (IN-06)', () => {
  it('stores an allowed file under a random name with its SM3, pending until claimed, and sends it back safely', async () => {
    const bytes = files.png();
    const res = await upload(secretary, '支部大会 合影.png', bytes);
    expect(res.statusCode).toBe(201);
    const info = res.json();
    expect(info).toMatchObject({ fileName: '支部大会 合影.png', mediaType: 'image/png', sizeBytes: bytes.length });
    const row = await t.deps.db.selectFrom('attachment').selectAll().where('id', '=', info.id).executeTakeFirstOrThrow();
    expect(row.owner_id).toBeNull();
    expect(row.sm3).toBe(t.deps.crypto.sm3(bytes));
    expect(row.storage_name).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    const stored = path.join(filesDir(t.deps.config.dataDir), row.storage_name);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('type', '=', 'attachment.upload')
      .where('object_id', '=', info.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ use: 'test_org_file', fileType: 'png', sm3: row.sm3 });

    // Pending: only the uploader may fetch it.
    const mine = await t.app.inject({ method: 'GET', url: `/api/attachments/${info.id}`, headers: secretary.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(bytes)).toBe(true);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect(mine.headers['content-disposition']).toBe(
      `attachment; filename="attachment.png"; filename*=UTF-8''${encodeURIComponent('支部大会 合影.png')}`,
    );
    expect(String(mine.headers['content-security-policy'])).toContain('sandbox');
    const theirs = await t.app.inject({ method: 'GET', url: `/api/attachments/${info.id}`, headers: other.headers });
    expect(theirs.statusCode).toBe(404);

    // Claimed by an owner: the owning use decides who reads it.
    await t.deps.db.transaction().execute((trx) =>
      setOwnerAttachments(trx, {
        ownerKind: 'test_org_file',
        ownerId: tree.branchA1,
        orgId: tree.branchA1,
        userId: secretaryId,
        ids: [info.id],
        now: new Date().toISOString(),
      }),
    );
    const district = await addUser(t.deps, 'att_district', [{ role: 'committee_admin', orgId: tree.districtA }]);
    expect(district).toBeTruthy();
    const committee = await signIn(t.app, 'att_district');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/attachments/${info.id}`, headers: committee.headers })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${info.id}`, headers: other.headers })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${info.id}` })).statusCode).toBe(401);
  });

  it('a file whose bytes are gone (restored without the files directory) answers 404, not a broken stream', async () => {
    const id = (await upload(secretary, '丢失.png', files.png())).json().id as string;
    const row = await t.deps.db.selectFrom('attachment').select('storage_name').where('id', '=', id).executeTakeFirstOrThrow();
    fs.rmSync(path.join(filesDir(t.deps.config.dataDir), row.storage_name));
    const res = await t.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: secretary.headers });
    expect(res.statusCode).toBe(404);
  });

  it('accepts each allowed type when its bytes are that type', async () => {
    expect((await upload(secretary, '签到表.jpg', files.jpeg())).statusCode).toBe(201);
    expect((await upload(secretary, '会议纪要.pdf', files.pdf())).statusCode).toBe(201);
    expect((await upload(secretary, '发言稿.docx', await files.docx())).statusCode).toBe(201);
  });

  it.each([
    ['a renamed .exe', '照片.jpg', files.exe(), '文件类型不受支持'],
    ['a PNG with a zip appended (polyglot)', '合影.png', null, '夹带了其他内容'],
    ['a JPEG carrying HTML (polyglot)', '合影.jpg', files.jpegWithHtml(), '夹带了其他内容'],
    ['a ../../ file name', '../../etc/passwd.png', files.png(), '文件名不合法'],
    ['a Windows path', 'C:\\Users\\a\\合影.png', files.png(), '文件名不合法'],
    ['a name without extension', '合影', files.png(), '文件名不合法'],
    ['a type this use does not take', '表格.xlsx', files.png(), '文件类型不受支持'],
    ['a PDF named .jpg', '签到表.jpg', files.pdf(), '扩展名与内容不符'],
    ['an empty file', '空.png', Buffer.alloc(0), '文件是空的'],
    ['a truncated PNG', '坏.png', files.png().subarray(0, 40), '已损坏'],
    ['a PNG with bytes after IEND', '合影.png', Buffer.concat([files.png(), Buffer.from('<?php echo 1;')]), '夹带了其他内容'],
    ['a JPEG with bytes after EOI', '签到表.jpg', Buffer.concat([files.jpeg(), Buffer.from('more bytes')]), '已损坏'],
  ])('refuses %s', async (_what, name, bytes, message) => {
    const res = await upload(secretary, name, bytes ?? (await files.pngWithZip()));
    expect(res.statusCode).toBe(400);
    expect(res.json().error ?? res.json().message).toBeDefined();
    expect(JSON.stringify(res.json())).toContain(message);
  });

  it('refuses a .docx carrying macros', async () => {
    const res = await upload(secretary, '发言稿.docx', await files.docx({ 'word/vbaProject.bin': 'macro' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('含宏');
  });

  it('refuses zip bombs: one that declares ~4 GB and one that inflates past what it declares', async () => {
    for (const bomb of [await files.declaredBomb(), await files.lyingBomb()]) {
      const res = await upload(secretary, '炸弹.docx', bomb);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toMatch(/解压后过大|不是有效的/);
    }
  });

  it('refuses a file over the use’s size limit with 413, and stores nothing refused', async () => {
    const before = (await t.deps.db.selectFrom('attachment').select('id').execute()).length;
    const big = files.png();
    const res = await upload(secretary, '大图.png', Buffer.concat([big, Buffer.alloc(300 * 1024)]));
    expect(res.statusCode).toBe(413);
    expect(JSON.stringify(res.json())).toContain('文件超过 200 KB');
    expect((await t.deps.db.selectFrom('attachment').select('id').execute()).length).toBe(before);
  });

  it('authorizes uploads by the use: another branch’s org, an unknown use, and no session are refused', async () => {
    expect((await upload(secretary, '合影.png', files.png(), tree.branchB1)).statusCode).toBe(404);
    expect((await upload(secretary, '合影.png', files.png(), tree.branchA1, 'no_such_use')).statusCode).toBe(400);
    const body = files.multipart('合影.png', files.png());
    const anon = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=test_org_file&orgId=${tree.branchA1}`,
      headers: body.headers,
      payload: body.payload,
    });
    expect(anon.statusCode).toBe(401);
  });

  it('a claim takes only the user’s own pending uploads for that use and org, and drops files left out', async () => {
    const a = (await upload(secretary, '一.png', files.png())).json().id as string;
    const b = (await upload(secretary, '二.png', files.png())).json().id as string;
    const otherUpload = (await upload(other, '三.png', files.png(), tree.branchB1)).json().id as string;
    const claim = (ids: string[], orgId = tree.branchA2) =>
      t.deps.db.transaction().execute((trx) =>
        setOwnerAttachments(trx, {
          ownerKind: 'test_org_file',
          ownerId: tree.branchA2,
          orgId,
          userId: secretaryId,
          ids,
          now: new Date().toISOString(),
        }),
      );
    await expect(claim([a, otherUpload])).rejects.toThrow('已失效');
    await expect(claim([a], tree.branchA2)).rejects.toThrow('已失效'); // uploaded for branchA1, not A2
    const owner = tree.branchA1;
    const claimFor = (ids: string[]) =>
      t.deps.db.transaction().execute((trx) =>
        setOwnerAttachments(trx, {
          ownerKind: 'test_org_file',
          ownerId: `${owner}`,
          orgId: owner,
          userId: secretaryId,
          ids,
          now: '2026-01-01T00:00:00Z',
        }),
      );
    const first = await claimFor([a, b]);
    expect(first.claimed).toBe(2);
    const second = await claimFor([b]);
    expect(second.claimed).toBe(0);
    expect(second.removed.length).toBeGreaterThanOrEqual(1);
    const left = await t.deps.db.selectFrom('attachment').select('id').where('id', 'in', [a, b]).execute();
    expect(left.map((r) => r.id)).toEqual([b]);
  });
});
