import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot } from './server';

export const artifacts = path.join(repoRoot, 'e2e/artifacts');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 812 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
}

export async function openSession(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<Session> {
  const phone = viewport.width < 768;
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`));
  page.on('console', (msg) => {
    // Expected API refusals (the 404 probe, wrong passwords) show up as failed resource loads.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(`console: ${msg.text()}`);
  });
  return { context, page, errors };
}

/** A full-page screenshot into e2e/artifacts/<name>-<width>.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifacts, { recursive: true });
  const { width } = page.viewportSize() ?? DESKTOP;
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(artifacts, `${name}-${width}.png`), fullPage: true });
}

/** Screenshots the page at 1440 px and at 375 px, then returns to the viewport it had. */
export async function shootBoth(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await shoot(page, name);
  }
  await page.setViewportSize(before);
  await page.waitForTimeout(300);
}

/** Nothing of the session may be kept in web storage. */
export async function webStorageSize(page: Page): Promise<number> {
  return page.evaluate(() => localStorage.length + sessionStorage.length);
}

/** Pages must not scroll sideways on a phone (content cut off or hidden to the right). */
export async function horizontalOverflow(page: Page): Promise<number> {
  // After a viewport change the phone layout takes a render or two (slower on a loaded machine): wait up to
  // 5 s for the page to fit before reporting what is left over.
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (let waited = 0; waited < 5_000; waited += 100) {
    if ((await overflow()) <= 0) return 0;
    await page.waitForTimeout(100);
  }
  return overflow();
}

/** On a failed test, a screenshot named after it (failed-<test name>.png) shows where the journey stopped. */
export async function shootFailure(page: Page | undefined, ctx: { task: { name: string; result?: { state?: string } } }) {
  if (!page || ctx.task.result?.state !== 'fail') return;
  fs.mkdirSync(artifacts, { recursive: true });
  const name = ctx.task.name.replace(/[^\w\u4e00-\u9fa5-]+/g, '-').slice(0, 60);
  await page.screenshot({ path: path.join(artifacts, `failed-${name}.png`), fullPage: true }).catch(() => {});
}
