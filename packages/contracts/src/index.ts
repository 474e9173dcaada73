export * from './accounts.js';
export * from './appraisals.js';
export * from './attachments.js';
export * from './audit.js';
export * from './audit-events.js';
export * from './auth.js';
export * from './dues.js';
export * from './enterprises.js';
export * from './errors.js';
export * from './ledger-check.js';
export * from './meetings.js';
export * from './member-import.js';
export * from './members.js';
export * from './notices.js';
export * from './org-rules.js';
export * from './orgs.js';
export * from './permissions.js';
export * from './quorum.js';
export type * from './response-types.js';
export * from './service-requests.js';
export * from './todos.js';
export * from './transfers.js';

import { z } from 'zod';

// Validation messages that a schema does not spell out come in Chinese, on the server and in the browser.
z.config(z.locales.zhCN());

export * from './development.js';
export * from './events.js';
export * from './learning.js';
export * from './my.js';
export * from './ratings.js';
export * from './governance.js';
