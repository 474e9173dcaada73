import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  expectOrgTitle,
  fillPasswordChange,
  openTab,
  orgIdFromUrl,
  pickOrg,
  signIn,
  signOut,
  treePanel,
} from './support/app';
import { launch, openSession, type Session, shootBoth, shootFailure, webStorageSize } from './support/browser';
import { startServer, type TestServer } from './support/server';

const ROOT = '中共XX市互联网行业委员会';
const DISTRICT = '中共XX市江北区互联网行业委员会';
const BRANCH = '江北区星河网络科技有限公司党支部';

describe('fresh install: first admin builds the tree and hands a branch to its secretary', () => {
  let server: TestServer;
  let browser: Browser;
  let s: Session;
  let districtId = '';
  let secretaryPassword = '';

  beforeAll(async () => {
    server = await startServer({ demo: false });
    browser = await launch();
    s = await openSession(browser, server.url);
  });
  afterEach(async (ctx) => shootFailure(s?.page, ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints a bootstrap password and sends the first sign-in to the forced change', async () => {
    expect(server.bootstrapPassword).toMatch(/\S{8,}/);
    const { page } = s;
    await page.goto('/');
    await page.waitForURL('**/login');
    await shootBoth(page, 'login');
    await signIn(page, 'admin', server.bootstrapPassword!);
    await page.waitForURL('**/change-password');
    await page.getByLabel('新用户名').waitFor();
    await shootBoth(page, 'change-password-forced');
  });

  it('shows the server rule under the field, then accepts a new username and password', async () => {
    const { page } = s;
    await fillPasswordChange(page, { current: server.bootstrapPassword!, newUsername: 'chief', next: 'Chief#2026abc' });
    await page.locator('.ant-form-item-explain-error', { hasText: '密码不能包含用户名' }).waitFor();
    await fillPasswordChange(page, { current: server.bootstrapPassword!, newUsername: 'chief', next: 'Lz#Party2026go' });
    await page.getByTestId('workbench').waitFor();
    await page.goto('/orgs');
    await page.waitForURL(/\/orgs\//);
    await expectOrgTitle(page, ROOT);
  });

  it('creates a district committee under the root and a branch under the district', async () => {
    const { page } = s;
    await openTab(page, '下级组织');
    await page.getByTestId('create-child').click();
    const drawer = page.getByRole('dialog').last();
    await choose(page, drawer, '组织类型', '党委');
    await choose(page, drawer, '党委层级', '区县级');
    await drawer.getByLabel('组织名称').fill(DISTRICT);
    await shootBoth(page, 'create-org-drawer');
    await page.getByTestId('create-org-submit').click();
    await page.getByRole('link', { name: DISTRICT }).click();
    await expectOrgTitle(page, DISTRICT);
    districtId = orgIdFromUrl(page);

    // A typo fixed through 更名 shows up in the title and in the tree.
    await page.getByRole('button', { name: /更\s*名/ }).click();
    const rename = page.getByRole('dialog').last();
    await rename.getByLabel('新名称').fill(`${DISTRICT}（筹）`);
    await rename.getByRole('button', { name: /确\s*定/ }).click();
    await expectOrgTitle(page, `${DISTRICT}（筹）`);
    await page.getByRole('button', { name: /更\s*名/ }).click();
    await rename.getByLabel('新名称').fill(DISTRICT);
    await shootBoth(page, 'org-rename');
    await rename.getByRole('button', { name: /确\s*定/ }).click();
    await expectOrgTitle(page, DISTRICT);
    await treePanel(page).getByText(DISTRICT, { exact: true }).waitFor();

    await openTab(page, '下级组织');
    await page.getByTestId('create-child').click();
    await choose(page, drawer, '组织类型', '党支部');
    await drawer.getByLabel('组织名称').fill(BRANCH);
    await page.getByTestId('create-org-submit').click();
    await page.getByRole('link', { name: BRANCH }).click();
    await expectOrgTitle(page, BRANCH);
    await shootBoth(page, 'org-branch-new');
    await openTab(page, '沿革');
    await page.getByText('设立').first().waitFor();
    await shootBoth(page, 'org-history');
  });

  it('creates the secretary account at the branch, shows its initial password once, and grants the role', async () => {
    const { page } = s;
    await page.getByRole('menuitem', { name: '账号与授权' }).click();
    await page.waitForURL('**/admin/accounts');
    await page.getByTestId('create-account').click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByLabel('用户名').fill('xinghe.sec');
    await drawer.getByLabel('姓名').fill('周晓明');
    await pickOrg(page, drawer, '所属组织', 'xh', BRANCH);
    await page.getByTestId('create-account-submit').click();
    const secret = page.getByTestId('secret-password');
    await secret.waitFor();
    secretaryPassword = (await secret.locator('code').textContent())?.trim() ?? '';
    expect(secretaryPassword.length).toBeGreaterThanOrEqual(8);
    await shootBoth(page, 'account-initial-password');
    await page.getByRole('button', { name: '我已复制' }).click();

    const row = page.locator('tr', { hasText: 'xinghe.sec' });
    await row.getByTestId('grant-button').click();
    const grant = page.getByRole('dialog').last();
    await choose(page, grant, '角色', '支部书记/党务工作者');
    await shootBoth(page, 'grant-drawer');
    await page.getByTestId('grant-submit').click();
    await row.getByText(`支部书记/党务工作者 · ${BRANCH}`).waitFor();
    await shootBoth(page, 'accounts');
  });

  it('the secretary signs in, changes the initial password and sees only the branch subtree', async () => {
    const { page } = s;
    await signOut(page);
    await signIn(page, 'xinghe.sec', secretaryPassword);
    await page.waitForURL('**/change-password');
    await expect(page.getByLabel('新用户名').count()).resolves.toBe(0);
    await fillPasswordChange(page, { current: secretaryPassword, next: 'Xh@branch2026' });
    await page.getByTestId('workbench').waitFor();
    await page.goto('/orgs');
    await page.waitForURL(/\/orgs\//);
    await expectOrgTitle(page, BRANCH);
    const tree = treePanel(page);
    await tree.getByTestId('org-tree-node').first().waitFor();
    expect(await tree.getByTestId('org-tree-node').allTextContents()).toEqual([BRANCH]);
    await expect(tree.getByText(DISTRICT).count()).resolves.toBe(0);
    await expect(tree.getByText(ROOT).count()).resolves.toBe(0);
    await shootBoth(page, 'org-secretary');
  });

  it('the API refuses the district to the secretary as if it did not exist', async () => {
    const res = await s.page.request.get(`/api/orgs/${districtId}`);
    expect(res.status()).toBe(404);
    await s.page.goto(`/orgs/${districtId}`);
    await s.page.getByText('组织不存在或无权查看').waitFor();
    await shootBoth(s.page, 'org-not-found');
  });

  it('keeps nothing in web storage and logs no errors', async () => {
    expect(await webStorageSize(s.page)).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
