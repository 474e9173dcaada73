import { z } from 'zod';

/**
 * Validation messages that a schema does not spell out come in Chinese, on the server and in the browser.
 * Contracts run nothing when imported (see apps/server/src/layering.test.ts): each entry calls this once —
 * buildApp and the CLI on the server, main.tsx in the web app.
 */
export function configureChineseMessages(): void {
  z.config(z.locales.zhCN());
}
