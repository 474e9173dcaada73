/** Limits of the ledger's Excel import (zod-free: the browser shows them before an upload). */
export const MEMBER_IMPORT_LIMITS = {
  /** The uploaded .xlsx itself. */
  maxFileBytes: 20 * 1024 * 1024,
  /** What its zip may unpack to, and how many entries it may hold (zip-bomb limits, IN-06). */
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxZipEntries: 2_000,
  /** Member rows in one file. */
  maxRows: 100_000,
  /** Issues kept in the report (the count says how many there were). */
  maxReportIssues: 2_000,
  /** A staged import is deleted this long after the upload. */
  expiresAfterHours: 24,
} as const;

export const MEMBER_IMPORT_STATUSES = ['validating', 'ready', 'failed', 'imported'] as const;
export type MemberImportStatus = (typeof MEMBER_IMPORT_STATUSES)[number];
