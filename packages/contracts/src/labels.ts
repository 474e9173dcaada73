/**
 * The zod-free part of the contracts: labels, roles and rules as plain data. The browser imports values from
 * here (`@tongxin/contracts/labels`) so that its first screen does not load zod.
 */
export * from './appraisal-rules.js';
export * from './audit-events.js';
export * from './credit-code.js';
export * from './development-checks.js';
export * from './development-rules.js';
export * from './dues-rules.js';
export * from './enterprise-rules.js';
export * from './governance-rules.js';
export * from './id-number.js';
export * from './ledger-check-rules.js';
export * from './meeting-rules.js';
export * from './member-import-limits.js';
export * from './member-labels.js';
export * from './member-rules.js';
export * from './notice-rules.js';
export * from './org-kinds.js';
export * from './org-rules.js';
export * from './permissions.js';
export * from './quorum.js';
export * from './rating-rules.js';
export * from './service-request-rules.js';
export * from './time.js';
export * from './todo-kinds.js';
export * from './transfer-rules.js';
