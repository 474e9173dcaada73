import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectOrgTitle, openTab, signIn, signOut, treePanel } from './support/app';
import { artifacts, launch, openSession, type Session, shootBoth, shootFailure, webStorageSize } from './support/browser';
import { firstScreenJs } from './support/bundle';
import { startServer, type TestServer } from './support/server';

const PASSWORD = 'Tongxin@2026';
const JIANGYANG = '中共泸州市江阳区互联网行业委员会';
const CITY = '中共泸州市互联网行业委员会';
const YUNZHI = '泸州云智科技有限公司党支部';

describe('demo world: a district admin sees only its district; the auditor verifies the chain', () => {
  let server: TestServer;
  let browser: Browser;
  let s: Session;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launch();
    s = await openSession(browser, server.url);
  });
  afterEach(async (ctx) => shootFailure(s?.page, ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads at most 400 KB of gzipped JavaScript for the first screen after sign-in', async () => {
    const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
    const login = await ctx.request.post('/api/auth/login', { data: { username: 'jiangyang_admin', password: PASSWORD } });
    expect(login.status()).toBe(200);
    const js = await firstScreenJs(ctx, '/', 'workbench');
    await ctx.close();
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, 'first-screen-js.json'), JSON.stringify(js, null, 2));
    console.log(
      `first screen: ${js.files} JS files, ${(js.gzipBytes / 1024).toFixed(1)} KB gzip (${(js.rawBytes / 1024).toFixed(1)} KB raw)`,
    );
    expect(js.gzipBytes).toBeLessThanOrEqual(400 * 1024);
  });

  it('jiangyang_admin lands on 江阳 and the tree holds 江阳 only', async () => {
    const { page } = s;
    await signIn(page, 'jiangyang_admin', PASSWORD);
    // Sign-in lands on the workbench (工作台); the org tree is one menu entry away.
    await page.getByTestId('workbench').waitFor();
    await page.getByRole('menuitem', { name: '组织体系' }).click();
    await expectOrgTitle(page, JIANGYANG);
    await page.getByTestId('demo-banner').waitFor();
    const tree = treePanel(page);
    await tree.getByTestId('org-tree-node').first().waitFor();
    await expect(tree.getByTestId('org-tree-node').first().textContent()).resolves.toBe(JIANGYANG);
    await expect(tree.getByText(CITY, { exact: true }).count()).resolves.toBe(0);
    await expect(tree.getByText('中共泸州市龙马潭区互联网行业委员会').count()).resolves.toBe(0);
    await shootBoth(page, 'org-district');
    await openTab(page, '下级组织');
    await page.getByRole('link', { name: '江阳区电子商务产业园党委' }).waitFor();
    await shootBoth(page, 'org-children');
  });

  it('finds organisations by pinyin initials and shows their paths', async () => {
    const { page } = s;
    const search = treePanel(page).getByRole('searchbox').or(treePanel(page).getByPlaceholder('搜索组织：名称、拼音或首字母'));
    await search.first().fill('yz');
    const results = page.getByTestId('org-search-results');
    await results.getByText(YUNZHI).waitFor();
    await expect(results.textContent()).resolves.toContain('江阳区电子商务产业园党委');
    await shootBoth(page, 'org-search');
    await search.first().fill('jy');
    await results.getByText('江阳区网络行业协会党支部').waitFor();
    await expect(results.getByText('龙马潭').count()).resolves.toBe(0);
    await search.first().fill('yz');
    await results.getByText(YUNZHI).click();
    await expectOrgTitle(page, YUNZHI);
  });

  it('shows the branch committee with duties and terms', async () => {
    const { page } = s;
    await openTab(page, '支部委员会');
    await page.getByRole('cell', { name: '书记', exact: true }).waitFor();
    await page.getByText('任期届满').waitFor();
    await shootBoth(page, 'org-committee');
    await page.getByRole('button', { name: /换届/ }).click();
    await page.getByRole('dialog').last().getByText('添加委员').waitFor();
    await shootBoth(page, 'committee-drawer');
    await page
      .getByRole('dialog')
      .last()
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await openTab(page, '沿革');
    await page.locator('.ant-timeline').or(page.getByText('暂无沿革记录')).first().waitFor();
  });

  it('lists only the accounts of 江阳 on the accounts page', async () => {
    const { page } = s;
    await page.getByRole('menuitem', { name: '账号与授权' }).click();
    await page.locator('tr', { hasText: 'secretary' }).waitFor();
    await expect(page.locator('tr', { hasText: 'city_admin' }).count()).resolves.toBe(0);
    await shootBoth(page, 'accounts-district');
    expect(await webStorageSize(page)).toBe(0);
    await signOut(page);
  });

  it('the auditor lands on the audit log, filters it and verifies the hash chain', async () => {
    const { page } = s;
    await signIn(page, 'auditor', PASSWORD);
    await page.waitForURL('**/admin/audit');
    await page.locator('.ant-table-row').first().waitFor();
    await expect(page.getByRole('menuitem', { name: '组织体系' }).count()).resolves.toBe(0);
    await page.getByLabel('事件类型').fill('auth.');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/type=auth\./);
    await page.locator('.ant-table-row', { hasText: '登录' }).first().waitFor();
    await page.getByTestId('verify-audit').click();
    await page.getByTestId('verify-result').getByText('审计日志完整').waitFor();
    await shootBoth(page, 'audit');
    expect(await webStorageSize(page)).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
