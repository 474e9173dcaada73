import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendStreamedExport } from '../src/platform/excel/streamed-export.js';
import { testApp } from './support.js';

/**
 * The export machinery every .xlsx download shares (DP-07/08), on a bare route over a real socket: a complete
 * download is audited with its rows and the SM3 of the bytes the client received; one the client abandons is
 * audited as incomplete, with the rows sent so far.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let server: FastifyInstance;
let url: string;
const BATCHES = 40;
const PER_BATCH = 1_000;

beforeAll(async () => {
  t = await testApp();
  server = Fastify();
  server.get<{ Querystring: { rows?: string } }>('/export', (request, reply) =>
    sendStreamedExport(
      {
        ...t.deps,
        access: { user: { displayName: '测试员', username: 'tester' } },
        actor: { actor: { id: null, name: 'tester', role: null }, ip: null, userAgent: null, requestId: request.id },
        log: request.log,
        requestId: request.id,
      },
      reply,
      {
        fileName: '测试导出.xlsx',
        asciiFileName: 'test.xlsx',
        sheetName: '测试',
        columns: [
          { header: '序号', width: 6 },
          { header: '内容', width: 40 },
        ],
        at: '2026-11-26 12:00',
        note: '仅限测试',
        audit: { type: 'member.export', objectType: 'member', filters: { q: 'x' } },
        async produce(sheet) {
          const batches = request.query.rows === 'few' ? 1 : BATCHES;
          for (let b = 0; b < batches; b++) {
            for (let i = 0; i < (request.query.rows === 'few' ? 3 : PER_BATCH); i++) {
              // Random text, so the zip cannot shrink it away and the download takes many chunks.
              sheet.add([sheet.count + 1, b === 0 && i === 0 ? '=HYPERLINK("http://x")' : t.deps.crypto.randomToken(48)]);
            }
            if (!(await sheet.flush())) return;
          }
        },
      },
    ),
  );
  await server.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/export`;
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const exportsAudited = () =>
  t.deps.db.selectFrom('audit_log').select(['result', 'detail']).where('type', '=', 'member.export').orderBy('seq').execute();

async function settled<T>(read: () => Promise<T[]>, length: number): Promise<T[]> {
  for (let i = 0; i < 200; i++) {
    const rows = await read();
    if (rows.length >= length) return rows;
    await new Promise((r) => setTimeout(r, 25));
  }
  return read();
}

describe('streamed exports', () => {
  it('sends the whole file: stamped, neutralised, audited with its rows and the SM3 of what arrived', async () => {
    const res = await fetch(`${url}?rows=few`);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''%E6%B5%8B%E8%AF%95");
    const bytes = Buffer.from(await res.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('导出人：测试员（tester）');
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '内容']);
    expect(sheet.getCell('B3').value).toBe('\'=HYPERLINK("http://x")');
    expect(sheet.rowCount).toBe(5);
    const [audit] = await settled(exportsAudited, 1);
    expect(audit!.result).toBe('success');
    expect(JSON.parse(audit!.detail)).toEqual({
      rows: 3,
      filters: { q: 'x' },
      bytes: bytes.length,
      fileSm3: t.deps.crypto.sm3(bytes),
    });
  });

  it('a download abandoned half-way is audited as incomplete, with the rows sent so far', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (req.destroyed ? resolve() : reject(err)));
    });
    const audits = await settled(exportsAudited, 2);
    expect(audits).toHaveLength(2);
    expect(audits[1]!.result).toBe('failed');
    const detail = JSON.parse(audits[1]!.detail);
    expect(detail.incomplete).toBe(true);
    expect(detail.rows).toBeGreaterThan(0);
    expect(detail.rows).toBeLessThan(BATCHES * PER_BATCH);
  });
});
