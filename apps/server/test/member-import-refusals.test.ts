import { beforeAll, describe, expect, it } from 'vitest';
import { cleanRow, declaredBomb, ledgerWorkbook, upload, zipBomb, zipOf } from './fixtures/ledger-files.js';
import { A1, type ImportWorld, importWorld } from './member-import.support.js';
import { validIdNumber } from './members.support.js';
import type { Session } from './support.js';

const world = importWorld();
let t: ImportWorld['t'];
let admin: Session;
beforeAll(() => {
  ({ t, admin } = world);
});

describe('IN-06: what the upload refuses', () => {
  const refused = async (name: string, content: Buffer, status = 400) => {
    const res = await upload(t.app, admin.headers, name, content);
    expect(res.statusCode, res.body).toBe(status);
    return res.json().error.message as string;
  };

  it('a renamed .exe, an .exe, an old .xls, a zip that is no workbook, an empty file', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2000, 1)]);
    expect(await refused('名册.xlsx', exe)).toContain('不是有效的 Excel 工作簿');
    expect(await refused('setup.exe', exe)).toContain('只接受 Excel 工作簿（.xlsx）');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await refused('旧名册.xlsx', ole)).toContain('.xls');
    const docx = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect(await refused('文档.xlsx', docx)).toContain('不是有效的 Excel 工作簿');
    expect(await refused('空.xlsx', Buffer.alloc(0))).toContain('空的');
  });

  it('path-like names are refused, not cut down', async () => {
    const file = await ledgerWorkbook([cleanRow(A1, validIdNumber('1990-06-06'))]);
    for (const name of ['../../etc/passwd.xlsx', '..\\..\\名册.xlsx', '/tmp/名册.xlsx', '名册\u0000.xlsx']) {
      expect(await refused(name, file)).toContain('文件名不合法');
    }
  });

  it('a zip bomb is refused before it is parsed', async () => {
    // Declares 1 KB, inflates to 50 MB: caught while counting, without keeping the output.
    expect(await refused('炸弹.xlsx', zipBomb(50 * 1024 * 1024))).toContain('解压后过大');
    // Declares 10 GB worth of entries in its central directory: refused from the directory alone.
    expect(await refused('大炸弹.xlsx', declaredBomb())).toContain('解压后过大');
  });

  it('a file over 20 MB and a body that is not multipart', async () => {
    expect(await refused('大.xlsx', Buffer.alloc(21 * 1024 * 1024, 0x50), 413)).toContain('20 MB');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members/import',
      headers: admin.headers,
      payload: { file: 'x' },
    });
    expect(res.statusCode).toBe(415);
  });
});
