import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importWorld } from './member-import.support.js';

const world = importWorld();

describe('a sheet whose rows carry no row numbers (issue #14, finding 8)', () => {
  it('is refused with a message that says what is wrong and how to fix it — not a TypeError in the log', async () => {
    const file = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/no-row-numbers.xlsx'));
    const report = await world.validate(file);
    expect(report.status).toBe('failed');
    expect(report.message).toBe(
      '这个文件的单元格缺少位置信息（多由其他软件导出），无法逐行读取：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传',
    );
    expect(await world.memberCount()).toBe(0);
  });
});
