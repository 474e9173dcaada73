import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from './fixtures/files.js';
import { ACTORS, type Actor, matrixWorld, row, TARGETS } from './matrix.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
});
afterAll(() => t.close());

/**
 * AZ-02 for notices and the to-do list. Sending: notice.send at the sender org (committee admins); only a
 * committee sends, so a branch or group as sender answers 400 to those allowed there. Columns as TARGETS:
 *                 city districtA branchA1 groupA1 branchA2 districtB branchB1
 */
const SEND: Record<Actor, number[]> = {
  anonymous: row('401 401 401 401 401 401 401'),
  member: row('404 404 403 404 404 404 404'),
  enterprise: row('404 404 404 404 403 404 404'),
  secretary: row('404 404 403 403 404 404 404'),
  districtA: row('404 201 400 400 400 404 404'),
  districtB: row('404 404 404 404 404 201 400'),
  city: row('201 201 400 400 400 201 400'),
  sysadmin: row('404 404 404 404 404 404 404'),
  secadmin: row('403 403 403 403 403 403 403'),
  auditor: row('404 404 404 404 404 404 404'),
};
// The compose form's target picker: the same authorization, any org kind.
const TARGET_PICKER: Record<Actor, number[]> = {
  ...SEND,
  districtA: row('404 200 200 200 200 404 404'),
  districtB: row('404 404 404 404 404 200 200'),
  city: row('200 200 200 200 200 200 200'),
};

/** Notices by their sender (each sent to the sender's whole subtree). */
const SENDERS = ['city', 'districtA', 'districtB'] as const;
// Reading one: its recipients (any business role below the sender) and its sending side; others 404.
const READ_ONE: Record<Actor, number[]> = {
  anonymous: row('401 401 401'),
  member: row('200 200 404'),
  enterprise: row('200 200 404'),
  secretary: row('200 200 404'),
  districtA: row('200 200 404'),
  districtB: row('200 404 200'),
  city: row('200 200 200'),
  sysadmin: row('404 404 404'),
  secadmin: row('404 404 404'),
  auditor: row('404 404 404'),
};
// Receipts: the sending side; a recipient is refused (403), anyone else does not see the notice (404).
const RECEIPTS: Record<Actor, number[]> = {
  ...READ_ONE,
  member: row('403 403 404'),
  enterprise: row('403 403 404'),
  secretary: row('403 403 404'),
  districtA: row('403 200 404'),
  districtB: row('403 404 200'),
  city: row('200 200 200'),
};
// The inbox: any business role; the sent box: notice.send holders; the to-do list: everyone signed in.
const INBOX: Record<Actor, number> = {
  anonymous: 401,
  member: 200,
  enterprise: 200,
  secretary: 200,
  districtA: 200,
  districtB: 200,
  city: 200,
  sysadmin: 403,
  secadmin: 403,
  auditor: 403,
};
const SENT_BOX: Record<Actor, number> = { ...INBOX, member: 403, enterprise: 403, secretary: 403 };
const TODOS: Record<Actor, number> = { ...INBOX, sysadmin: 200, secadmin: 200, auditor: 200 };

const cells = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, table[actor][i]!] as const));
const bySender = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => SENDERS.map((sender, i) => [actor, sender, table[actor][i]!] as const));
const body = (orgId: string) => ({ senderOrgId: orgId, title: '矩阵通知', body: '正文', targets: [{ orgId, subtree: true }] });

describe.each(cells(SEND))('POST /api/notices — %s from %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', '/api/notices', body(w.tree[target]));
    expect(res.statusCode).toBe(status);
  });
});

describe.each(cells(TARGET_PICKER))('GET /api/notices/targets — %s for %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', `/api/notices/targets?senderOrgId=${w.tree[target]}`);
    expect(res.statusCode).toBe(status);
  });
});

async function noticeFrom(sender: (typeof SENDERS)[number]): Promise<string> {
  const res = await w.call(sender, 'POST', '/api/notices', body(w.tree[sender]));
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe.each(bySender(READ_ONE))('GET /api/notices/:id — %s on a notice from %s → %i', (actor, sender, status) => {
  it('answers as declared', async () => {
    const id = await noticeFrom(sender);
    const res = await w.call(actor, 'GET', `/api/notices/${id}`);
    expect(res.statusCode).toBe(status);
  });
});

describe.each(bySender(RECEIPTS))('GET /api/notices/:id/receipts — %s on a notice from %s → %i', (actor, sender, status) => {
  it('answers as declared', async () => {
    const id = await noticeFrom(sender);
    expect((await w.call(actor, 'GET', `/api/notices/${id}/receipts`)).statusCode).toBe(status);
  });
});

describe.each(ACTORS.map((a) => [a, INBOX[a]] as const))('GET /api/notices — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', '/api/notices')).statusCode).toBe(status);
  });
});
describe.each(ACTORS.map((a) => [a, SENT_BOX[a]] as const))('GET /api/notices?box=sent — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', '/api/notices?box=sent')).statusCode).toBe(status);
  });
});
describe.each(ACTORS.map((a) => [a, TODOS[a]] as const))('GET /api/todos — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', '/api/todos')).statusCode).toBe(status);
  });
});

// Notice attachments in the shared store: uploading needs notice.send at the org (the picker's table, 201);
// downloading follows the notice (its recipients and its sending side).
const UPLOAD: Record<Actor, number[]> = Object.fromEntries(
  Object.entries(TARGET_PICKER).map(([a, r]) => [a, r.map((s) => (s === 200 ? 201 : s))]),
) as Record<Actor, number[]>;
const upload = (actor: Actor, orgId: string) => {
  const body = files.multipart('附件.pdf', files.pdf());
  return t.app.inject({
    method: 'POST',
    url: `/api/attachments?use=notice&orgId=${orgId}`,
    headers: { ...(w.sessions[actor]?.headers ?? {}), ...body.headers },
    payload: body.payload,
  });
};

describe.each(cells(UPLOAD))('POST /api/attachments?use=notice — %s for %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await upload(actor, w.tree[target])).statusCode).toBe(status);
  });
});

describe.each(bySender(READ_ONE))('GET /api/attachments/:id (notice) — %s on a notice from %s → %i', (actor, sender, status) => {
  it('answers as declared', async () => {
    const file = await upload(sender, w.tree[sender]);
    expect(file.statusCode).toBe(201);
    const res = await w.call(sender, 'POST', '/api/notices', { ...body(w.tree[sender]), attachmentIds: [file.json().id] });
    expect(res.statusCode).toBe(201);
    expect((await w.call(actor, 'GET', `/api/attachments/${file.json().id}`)).statusCode).toBe(status);
  });
});
