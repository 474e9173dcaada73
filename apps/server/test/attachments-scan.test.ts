import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAttachmentUse } from '../src/modules/attachments/attachment-uses.js';
import { filesDir } from '../src/platform/files/store.js';
import * as files from './fixtures/files.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

defineAttachmentUse({
  kind: 'test_scan_file',
  types: ['png', 'pdf'],
  maxBytes: 200 * 1024,
  authorizeUpload: (access, orgId) => access.authorize('member.manage', orgId),
  async authorizeRead() {},
});

const MARKER = 'TONGXIN-TEST-VIRUS-SIGNATURE';
// A fake scanner, like `clamdscan --no-summary -`: reads the file on stdin, exit 1 when it finds the marker.
const scannerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-scan-'));
const scanner = path.join(scannerDir, 'scan.sh');
fs.writeFileSync(scanner, `#!/bin/sh\nif grep -qa '${MARKER}'; then echo "stdin: Test.Virus FOUND"; exit 1; fi\nexit 0\n`, {
  mode: 0o755,
});
const hanging = path.join(scannerDir, 'hang.sh');
fs.writeFileSync(hanging, '#!/bin/sh\ncat >/dev/null\nsleep 30\nexit 0\n', { mode: 0o755 });

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let secretary: Session;

beforeAll(async () => {
  t = await testApp({ attachmentScanCommand: scanner, attachmentScanTimeoutMs: 5_000 });
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'scan_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  secretary = await signIn(t.app, 'scan_secretary');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(scannerDir, { recursive: true, force: true });
});

const upload = (name: string, bytes: Buffer) => {
  const body = files.multipart(name, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/attachments?use=test_scan_file&orgId=${tree.branchA1}`,
    headers: { ...secretary.headers, ...body.headers },
    payload: body.payload,
  });
};
const infectedPdf = () => Buffer.concat([files.pdf(), Buffer.from(`%${MARKER}\n`, 'latin1')]);
const storedFiles = () => {
  const dir = filesDir(t.deps.config.dataDir);
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0;
};
const refusals = () =>
  t.deps.db.selectFrom('audit_log').select(['result', 'detail', 'org_id']).where('type', '=', 'attachment.refused').execute();

describe('upload scan hook (IN-06)', () => {
  it('stores a file the scanner passes', async () => {
    const res = await upload('会议纪要.pdf', files.pdf());
    expect(res.statusCode).toBe(201);
    expect(await refusals()).toHaveLength(0);
  });

  it('refuses an infected file naming it, stores nothing, and audits the refusal as denied', async () => {
    const rowsBefore = (await t.deps.db.selectFrom('attachment').select('id').execute()).length;
    const filesBefore = storedFiles();
    const bytes = infectedPdf();
    const res = await upload('通知附件.pdf', bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('通知附件.pdf');
    expect(res.json().error.message).toContain('未通过安全检查');
    expect((await t.deps.db.selectFrom('attachment').select('id').execute()).length).toBe(rowsBefore);
    expect(storedFiles()).toBe(filesBefore);
    const audit = await refusals();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.result).toBe('denied');
    expect(audit[0]!.org_id).toBe(tree.branchA1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      use: 'test_scan_file',
      fileName: '通知附件.pdf',
      sizeBytes: bytes.length,
      sm3: t.deps.crypto.sm3(bytes),
    });
  });

  it('refuses with "try later" when the scanner fails, and when it hangs past the timeout', async () => {
    const config = t.deps.config;
    const before = { command: config.attachmentScanCommand, timeout: config.attachmentScanTimeoutMs };
    try {
      config.attachmentScanCommand = `${scanner}; exit 2`;
      const broken = await upload('合影.png', files.png());
      expect(broken.statusCode).toBe(503);
      expect(broken.json().error.message).toBe('暂时无法检查文件安全，请稍后重试');

      config.attachmentScanCommand = '/nonexistent/scanner --stdin';
      expect((await upload('合影.png', files.png())).statusCode).toBe(503);

      config.attachmentScanCommand = hanging;
      config.attachmentScanTimeoutMs = 300;
      const hung = await upload('合影.png', files.png());
      expect(hung.statusCode).toBe(503);
      expect(hung.json().error.message).toBe('暂时无法检查文件安全，请稍后重试');
      // Failing to check is not a finding about the file: nothing more is audited as refused.
      expect(await refusals()).toHaveLength(1);
    } finally {
      config.attachmentScanCommand = before.command;
      config.attachmentScanTimeoutMs = before.timeout;
    }
  });

  it('takes a clean verdict from a scanner that exits without reading the whole file', async () => {
    const config = t.deps.config;
    const before = config.attachmentScanCommand;
    try {
      config.attachmentScanCommand = 'exit 0';
      // Larger than a pipe's buffer, so the write meets a closed pipe.
      const pdf = files.pdf();
      const big = Buffer.concat([pdf.subarray(0, 9), Buffer.from(`%${'0'.repeat(180 * 1024)}\n`, 'latin1'), pdf.subarray(9)]);
      expect((await upload('大文件.pdf', big)).statusCode).toBe(201);
    } finally {
      config.attachmentScanCommand = before;
    }
  });

  it('does not scan when no command is configured', async () => {
    const config = t.deps.config;
    const before = config.attachmentScanCommand;
    try {
      config.attachmentScanCommand = null;
      expect((await upload('会议纪要.pdf', infectedPdf())).statusCode).toBe(201);
    } finally {
      config.attachmentScanCommand = before;
    }
  });
});
