import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { settled, signIn, signOut } from './support/app';
import { horizontalOverflow, PHONE, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';

/** A small real PNG (a red banner over a wall), as a phone would send a meeting photo. */
function photo(): Buffer {
  const w = 64;
  const h = 40;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0, p = 0; y < h; y++) {
    raw[p++] = 0;
    for (let x = 0; x < w; x++) {
      const banner = y > 6 && y < 16;
      raw[p++] = banner ? 200 : 230;
      raw[p++] = banner ? 20 : 220 - y;
      raw[p++] = banner ? 30 : 200 - y;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('organisational life: the secretary plans and records a meeting; the city reads the compliance grid', () => {
  const j = demoJourney();

  it('the secretary opens 组织生活 from the menu and sees the branch’s year of meetings', async () => {
    const { page } = j.s;
    await signIn(page, 'secretary', PASSWORD);
    await page.getByRole('menuitem', { name: '组织生活' }).click();
    await page.waitForURL('**/meetings');
    await page.getByTestId('meetings-org').getByText(YUNZHI).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    await shootBoth(page, 'meetings-list');
    // The demo's minutes are formatted: a held branch general meeting has its agenda as a list and a bold decision.
    await page.locator('.ant-table-row', { hasText: '党员大会' }).filter({ hasText: '已召开' }).first().click();
    const demoMinutes = page.getByTestId('meeting-detail').getByTestId('detail-minutes');
    await demoMinutes.locator('ol > li').first().waitFor();
    await demoMinutes.locator('strong', { hasText: '会议决定' }).waitFor();
    await shootBoth(page, 'meeting-demo-minutes');
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-detail').waitFor({ state: 'detached' });
    await page.getByTestId('meetings-view').getByText('日历').click();
    await page.getByTestId('calendar-meeting').first().waitFor();
    await shootBoth(page, 'meetings-calendar');
  });

  it('plans a committee meeting ahead', async () => {
    const { page } = j.s;
    await page.getByTestId('plan-meeting').click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByTestId('meeting-kind').click();
    await page.locator(`${settled('.ant-select-dropdown')} .ant-select-item-option[title="支委会"]`).click();
    await drawer.getByLabel('会议地点').fill('公司三楼党员活动室');
    await drawer.getByLabel('主持人').fill('张志强');
    await drawer.getByLabel('会议议题').fill('研究年度组织生活会准备工作');
    await shootBoth(page, 'meeting-plan-form');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-detail').getByText('研究年度组织生活会准备工作').waitFor();
    await page.getByTestId('meeting-detail').getByText('计划', { exact: true }).waitFor();
  });

  it('records it after the meeting: attendance by tapping names, a photo, the minutes', async () => {
    const { page } = j.s;
    await page.getByTestId('record-held').click();
    const drawer = page.getByRole('dialog').last();
    const chips = drawer.getByTestId('attendance-chips').locator('button');
    await chips.first().waitFor();
    const n = await chips.count();
    expect(n).toBeGreaterThanOrEqual(1);
    // Tap everyone present, then one of them twice more → on leave (if there are two or more).
    await drawer.getByTestId('all-present').click();
    if (n >= 2) await chips.nth(n - 1).click();
    await expect.poll(() => chips.first().getAttribute('data-attendance')).toBe('present');
    const uploaded = page.waitForResponse((r) => r.url().includes('/api/attachments?use=meeting'));
    await drawer.locator('input[type="file"]').setInputFiles({ name: '支委会合影.png', mimeType: 'image/png', buffer: photo() });
    const up = await uploaded;
    expect(up.status(), await up.text()).toBe(201);
    await drawer
      .getByTestId('meeting-attachments')
      .locator('.ant-upload-list-item-done, .ant-upload-list-item-container img')
      .first()
      .waitFor();
    // The minutes editor: bold from the toolbar, a numbered list, and markup typed as text.
    const editor = drawer.getByTestId('minutes-editor');
    await editor.click();
    await drawer.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('决议：同意召开年度组织生活会');
    await drawer.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('书记传达了上级通知。');
    await page.keyboard.press('Enter');
    await drawer.getByRole('button', { name: '编号列表' }).click();
    await page.keyboard.type('委员逐一发言，确定了组织生活会的时间和议程');
    await page.keyboard.press('Enter');
    await page.keyboard.type('明确了会前谈心谈话的分工');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>');
    await editor.locator('strong', { hasText: '决议：同意召开年度组织生活会' }).waitFor();
    await editor.locator('ol li').nth(1).waitFor();
    await shootBoth(page, 'meeting-record-form');
    await page.getByTestId('meeting-save').click();
    const detail = page.getByTestId('meeting-detail');
    await detail.getByText('已召开').waitFor();
    await detail.getByText(/出席情况：应到 \d+，实到 \d+/).waitFor();
    await detail.getByTestId('detail-photos').locator('img').first().waitFor();
    const minutes = detail.getByTestId('detail-minutes');
    await minutes.getByText('确定了组织生活会的时间和议程', { exact: false }).waitFor();
    // Formatting is kept: the bold resolution and the numbered list come back from the server.
    await minutes.locator('strong', { hasText: '决议：同意召开年度组织生活会' }).waitFor();
    expect(await minutes.locator('ol > li').allTextContents()).toEqual([
      '委员逐一发言，确定了组织生活会的时间和议程',
      '明确了会前谈心谈话的分工',
    ]);
    // IN-04: markup typed into the minutes is shown as text and never runs.
    await minutes.getByText('<script>window.__xss=2</script>', { exact: false }).waitFor();
    expect(await minutes.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The photo is served as the PNG that was uploaded.
    const src = await detail.getByTestId('detail-photos').locator('img').first().getAttribute('src');
    const res = await page.request.get(src!);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-disposition']).toContain('attachment;');
    await shootBoth(page, 'meeting-detail');
    // Correcting the record opens the editor on the formatted minutes as saved.
    await page.getByTestId('edit-held').click();
    const form = page.getByRole('dialog').last();
    await form.getByTestId('minutes-editor').locator('strong', { hasText: '决议：同意召开年度组织生活会' }).waitFor();
    expect(await form.getByTestId('minutes-editor').locator('ol > li').count()).toBe(2);
    await form.getByRole('button', { name: /^取\s*消$/ }).click();
    await form.waitFor({ state: 'detached' });
    expect(j.s.errors).toEqual([]);
  });

  it('on a phone the list turns into cards and nothing scrolls sideways', async () => {
    const { page } = j.s;
    await page.keyboard.press('Escape');
    await page.setViewportSize(PHONE);
    await page.goto('/meetings');
    await page.getByTestId('meeting-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signOut(page);
  });

  it('the city admin reads the compliance grid (branches × months), switches kind, and lists the gaps', async () => {
    const { page } = j.s;
    await signIn(page, 'city_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '三会一课落实' }).click();
    await page.waitForURL('**/meetings/compliance');
    await page.getByTestId('compliance-grid').locator('.ant-table-row').first().waitFor();
    expect(await page.locator('[data-status="missing"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-status="on_time"]').count()).toBeGreaterThan(10);
    await shootBoth(page, 'meetings-compliance');
    await page.getByTestId('compliance-kind').getByText('支部党员大会').click();
    await page.locator('[data-period$="-Q1"]').first().waitFor();
    await page.getByTestId('gaps-only').click();
    await page.getByRole('tab', { name: '缺开清单' }).click();
    await page.getByTestId('gaps-table').locator('.ant-table-row').first().waitFor();
    await shootBoth(page, 'meetings-gaps');
    await page.getByRole('tab', { name: '频次规则' }).click();
    await page.getByText('默认规则：2018 支部工作条例').waitFor();
    await shootBoth(page, 'meetings-rules');
    expect(j.s.errors).toEqual([]);
  });
});
