import { z } from 'zod';

/**
 * Validation messages that a schema does not spell out come in Chinese. Contracts run nothing when imported
 * (see apps/server/src/layering.test.ts), so the server's entries call this: buildApp and the CLI. (The web app
 * imports only types and zod-free values from the contracts, so zod never loads in the browser.)
 */
export function configureChineseMessages(): void {
  z.config(z.locales.zhCN());
}
