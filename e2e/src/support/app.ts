import type { Locator, Page } from 'playwright-core';

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function fillPasswordChange(page: Page, v: { current: string; next: string; newUsername?: string }): Promise<void> {
  await page.getByLabel('当前密码').fill(v.current);
  if (v.newUsername !== undefined) await page.getByLabel('新用户名').fill(v.newUsername);
  await page.getByLabel('新密码', { exact: true }).fill(v.next);
  await page.getByLabel('确认新密码').fill(v.next);
  await page.getByRole('button', { name: '确认修改' }).click();
}

export async function signOut(page: Page): Promise<void> {
  // On a loaded machine a click during the menu's opening animation can be lost: try again.
  for (let attempt = 1; ; attempt += 1) {
    await page.getByTestId('user-menu').click();
    await page.locator(`${settled('.ant-dropdown')} [role="menuitem"]`, { hasText: '退出登录' }).click();
    try {
      await page.waitForURL('**/login', { timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/** antd overlays (dropdowns, modals) carry -enter / -appear classes while they animate in. */
/** A CSS selector for `selector` once its opening animation is over (clicks during it can be lost). */
export const settled = (selector: string) => `${selector}:visible:not([class*="-enter"]):not([class*="-appear"])`;

/**
 * Clicks a button of an open modal once it has finished opening, and again if the modal is still open a few
 * seconds later (a click during the zoom-in animation is lost on a loaded machine). The button must close it.
 */
export async function confirmInDialog(page: Page, dialogText: string, button: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: dialogText });
  for (let attempt = 1; ; attempt += 1) {
    await page.locator(settled('.ant-modal')).filter({ hasText: dialogText }).getByRole('button', { name: button }).click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 4_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/** Opens an antd Select by its form label and clicks the option with that exact text. */
export async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  // Click only once the dropdown has finished opening: on a loaded machine a click during antd's enter
  // animation is lost, and the form would go out without the field.
  await page.locator(`${settled('.ant-select-dropdown')} .ant-select-item-option[title="${option}"]`).click();
}

/** Types into an org picker (search by name or pinyin) and takes the first hit whose text contains `name`. */
export async function pickOrg(page: Page, scope: Locator, label: string, query: string, name: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(query);
  await page
    .locator(`${settled('.ant-select-dropdown')} .ant-select-item-option`, { hasText: name })
    .first()
    .click();
}

export function treePanel(page: Page): Locator {
  return page.getByTestId('org-tree-panel');
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

export const orgIdFromUrl = (page: Page): string => {
  const m = /\/orgs\/([0-9a-f-]{36})/.exec(page.url());
  if (!m?.[1]) throw new Error(`not an org page: ${page.url()}`);
  return m[1];
};

/** Waits until the org page shows this organisation (the previous one stays until the new one loads). */
export async function expectOrgTitle(page: Page, name: string): Promise<void> {
  await page.getByTestId('org-title').getByText(name, { exact: true }).waitFor();
}
