import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, signIn } from './support/app';
import { horizontalOverflow, openSession, PHONE, type Session, shoot, shootBoth } from './support/browser';
import { demoJourney } from './support/journey';

const PASSWORD = 'Tongxin@2026';
const TITLE = '关于网传“某平台停止服务”的情况通报';
// A valid 1×1 PNG: the screenshot of the relayed post.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The enterprise a contact acts for (its owners list holds exactly its own). */
const ownEnterprise = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/api/governance/owners', { headers: { accept: 'application/json' } });
    return ((await res.json()) as { enterprises: { name: string }[] }).enterprises[0]!.name;
  });

describe('online governance: the committee publishes a release, two enterprises relay it on phones, the committee sees completion', () => {
  const j = demoJourney();
  const phones: Session[] = [];
  const names: string[] = [];

  it('two enterprise contacts sign in on 375 px phones', async () => {
    for (const username of ['enterprise', 'enterprise2']) {
      const s = await openSession(j.browser, j.server.url, PHONE);
      // Three sessions on a shared 2-core machine: give each step more room than the default 15 s.
      s.page.setDefaultTimeout(30_000);
      await signIn(s.page, username, PASSWORD);
      names.push(await ownEnterprise(s.page));
      phones.push(s);
    }
    expect(names[0]).not.toBe(names[1]);
  });

  it('the city committee publishes a release under the hot event with relay tasks for both', async () => {
    const { page } = j.s;
    page.setDefaultTimeout(30_000);
    await signIn(page, 'city_admin', PASSWORD);
    await page.getByRole('menuitem', { name: '热点与转发' }).click();
    await page.waitForURL('**/governance/events');
    await page.getByTestId('hot-event').first().waitFor();
    await shootBoth(page, 'governance-events');
    await page.getByTestId('event-publish').first().click();
    await page.getByTestId('release-title').fill(TITLE);
    await page.getByTestId('release-authority').fill('泸州市互联网信息办公室');
    await page
      .getByTestId('release-body')
      .fill('经核查，网传“某平台将停止服务”的消息不实，平台运营正常。请各单位通过官方账号转发本通报。');
    await page.getByTestId('release-link').fill('https://www.example.gov.cn/wxb/tongbao.html');
    for (const name of names) {
      await page.getByTestId('release-targets').click();
      await page.keyboard.type(name.slice(0, 4));
      await page
        .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: name })
        .first()
        .click();
    }
    // Close the options list by clicking the drawer's heading (Escape could close the drawer itself).
    await page.locator('.ant-drawer-title').click();
    await shoot(page, 'governance-publish');
    await page.getByTestId('release-publish').click();
    await page.getByText('已发布').first().waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
  });

  it('each contact relays it from a phone: link and screenshot', async () => {
    for (const [i, s] of phones.entries()) {
      const page = s.page;
      await page.goto('/governance/tasks');
      const card = page.getByTestId('relay-task').filter({ hasText: TITLE });
      await card.waitFor();
      if (i === 0) await shoot(page, 'governance-tasks');
      expect(await horizontalOverflow(page)).toBe(0);
      await card.getByTestId('relay-url').fill(`https://weibo.com/relay/${i + 1}`);
      await card.locator('input[type=file]').setInputFiles({ name: '转发截图.png', mimeType: 'image/png', buffer: PNG });
      await card
        .locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)')
        .first()
        .waitFor();
      await card.getByTestId('relay-submit').click();
      await page.getByText('已报告').first().waitFor();
      await page.getByTestId('tasks-all').click();
      await page.getByTestId('relay-task').filter({ hasText: TITLE }).getByText('已按时转发').waitFor();
      if (i === 0) await shoot(page, 'governance-tasks-done');
      expect(s.errors).toEqual([]);
    }
  });

  it('the committee sees both relays on time, per organisation, with the export', async () => {
    const { page } = j.s;
    await page.goto('/governance/events');
    // Opened by its address: on a loaded machine the table row's hover animation can keep the link "unstable".
    const href = await page.getByRole('link', { name: TITLE }).getAttribute('href');
    await page.goto(href!);
    const table = page.getByTestId('release-tasks');
    for (const name of names) await table.locator('tr', { hasText: name }).getByText('已按时转发').waitFor();
    await page.getByText('按时 2').first().waitFor();
    await page.getByTestId('release-export').waitFor();
    await shootBoth(page, 'governance-release');
  });

  it('the other governance pages: pledges and signatures, the media matrix, the rumour library', async () => {
    const { page } = j.s;
    await page.goto('/governance/pledges');
    await page.getByTestId('pledge-card').first().waitFor({ timeout: 30_000 });
    await shootBoth(page, 'governance-pledges');
    await page.getByTestId('pledge-card').first().getByRole('link').click();
    await page.getByText('按区县统计').waitFor({ timeout: 30_000 });
    await shootBoth(page, 'governance-pledge');
    await page.goto('/governance/media');
    await page.getByRole('cell').first().waitFor({ timeout: 30_000 });
    await shootBoth(page, 'governance-media');
    await page.goto('/governance/rumours');
    await page.getByTestId('rebuttal').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('rebuttal-search').locator('input').fill('ditie');
    await page.getByTestId('rebuttal-search').locator('input').press('Enter');
    await page.getByTestId('rebuttal').filter({ hasText: '地铁明日全线停运' }).first().waitFor();
    await expect.poll(() => page.getByTestId('rebuttal').count()).toBe(1);
    await shootBoth(page, 'governance-rumours');
    expect(j.s.errors).toEqual([]);
  });

  it('on a phone, a contact re-signs the revised pledge and submits a suspected rumour', async () => {
    const page = phones[0]!.page;
    await page.goto('/governance/pledges');
    await page.getByTestId('pledge-card').filter({ hasText: '互联网企业网络空间自律倡议书' }).getByRole('link').click();
    await page.getByTestId('pledge-sign').click();
    await page.getByTestId('pledge-mine').getByText('已签署').waitFor();
    await shoot(page, 'governance-pledge-signed');
    await page.goto('/governance/rumours?view=submit');
    await page.getByTestId('rumour-text').fill('群里在传某外卖平台下月起停止配送，是真的吗？');
    await page.getByTestId('rumour-url').fill('javascript:alert(1)');
    await page.getByTestId('rumour-submit').click();
    await page.getByText('信息链接须为 http:// 或 https:// 开头的网址').waitFor();
    await page.getByTestId('rumour-url').fill('https://weibo.com/post/1');
    await shoot(page, 'governance-rumour-submit');
    await page.getByTestId('rumour-submit').click();
    await page.getByTestId('rumour-report').filter({ hasText: '停止配送' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(phones[0]!.errors).toEqual([]);
  });
});
