import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectOrgTitle, openTab, signIn } from './support/app';
import {
  horizontalOverflow,
  launch,
  openSession,
  PHONE,
  type Session,
  shoot,
  shootFailure,
  webStorageSize,
} from './support/browser';
import { startServer, type TestServer } from './support/server';

const PASSWORD = 'Tongxin@2026';
const YUNZHI = '泸州云智科技有限公司党支部';

describe('phone (375 px): sign-in and an org page work without sideways scrolling', () => {
  let server: TestServer;
  let browser: Browser;
  let s: Session;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launch();
    s = await openSession(browser, server.url, PHONE);
  });
  afterEach(async (ctx) => shootFailure(s?.page, ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the sign-in page and reports a wrong password in Chinese', async () => {
    const { page } = s;
    await page.goto('/login');
    await page.getByLabel('用户名').fill('secretary');
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('.ant-alert-error').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'phone-login-error');
  });

  it('the secretary lands on the branch; the tree opens in a drawer', async () => {
    const { page } = s;
    await signIn(page, 'secretary', PASSWORD);
    await page.getByTestId('workbench').waitFor();
    await page.goto('/orgs');
    await expectOrgTitle(page, YUNZHI);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('org-tree-panel').count()).resolves.toBe(0);
    await shoot(page, 'phone-org');
    await page.getByTestId('open-org-tree').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('org-tree-node').first().waitFor();
    await drawer.locator('.ant-tree-switcher').first().click();
    await drawer.getByText('研发第一党小组').waitFor();
    await shoot(page, 'phone-tree-drawer');
    await drawer.getByText('研发第一党小组').click();
    await expectOrgTitle(page, '研发第一党小组');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('the branch tabs fit the phone: committee members, children, history', async () => {
    const { page } = s;
    await page.locator('.ant-breadcrumb').getByRole('link', { name: YUNZHI }).click();
    await expectOrgTitle(page, YUNZHI);
    await openTab(page, '支部委员会');
    await page.getByRole('cell', { name: '书记', exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'phone-committee');
    await openTab(page, '下级组织');
    await page.getByRole('link', { name: '研发第一党小组' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'phone-children');
  });

  it('the menu opens from the top bar, and nothing is left in web storage', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('dialog').getByText('组织体系').waitFor();
    await shoot(page, 'phone-menu');
    expect(await webStorageSize(page)).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
