import { z } from 'zod';
import { MEMBER_IMPORT_STATUSES } from './member-import-limits.js';
import { memberListQuery } from './members.js';

export * from './member-import-limits.js';

export const memberImportParams = z.object({ id: z.string().uuid('编号格式不正确') });

export const memberImportCreated = z.object({ id: z.string() });
export type MemberImportCreated = z.infer<typeof memberImportCreated>;

/** One finding of the validation: the Excel row number, the column as the file names it, the message. */
export const memberImportIssue = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  name: z.string().nullable(),
});
export type MemberImportIssue = z.infer<typeof memberImportIssue>;

export const memberImportStatus = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(MEMBER_IMPORT_STATUSES),
  /** Rows read so far and the sheet's last row (null when the file does not say). */
  processed: z.number().int(),
  total: z.number().int().nullable(),
  /** Member rows found (empty rows and the template's example row are not counted). */
  rowCount: z.number().int(),
  errorRows: z.number().int(),
  issueCount: z.number().int(),
  /** At most the first MEMBER_IMPORT_LIMITS.maxReportIssues issues; issueCount says how many there are. */
  issues: z.array(memberImportIssue),
  message: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  importedCount: z.number().int().nullable(),
});
export type MemberImportStatusBody = z.infer<typeof memberImportStatus>;

export const memberImportConfirmed = z.object({ imported: z.number().int() });
export type MemberImportConfirmed = z.infer<typeof memberImportConfirmed>;

/** The export takes the list's filters without its paging and sort. */
export const memberExportQuery = memberListQuery.omit({ page: true, pageSize: true, sort: true });
export type MemberExportQuery = z.input<typeof memberExportQuery>;
