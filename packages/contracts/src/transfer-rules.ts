/**
 * Transfers of membership (组织关系转接), as plain data and pure functions (no zod: the browser uses them to
 * default the form's dates). Tongxin tracks a transfer; the official one happens in the national member system.
 */

export const TRANSFER_DIRECTIONS = ['within', 'out', 'in'] as const;
export type TransferDirection = (typeof TRANSFER_DIRECTIONS)[number];
export const TRANSFER_DIRECTION_LABELS: Record<TransferDirection, string> = {
  within: '市内转接',
  out: '转出本市',
  in: '从市外转入',
};

/**
 * 待接收 → 已接收 / 已退回 (with a reason) / 已撤销 (by the side that started it). Nothing leaves the last three.
 * "Overdue" is not a status but a flag on a pending transfer (see `transferFlags`).
 */
export const TRANSFER_STATUSES = ['pending', 'accepted', 'rejected', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pending: '待接收',
  accepted: '已接收',
  rejected: '已退回',
  cancelled: '已撤销',
};

export const TRANSFER_REASONS = ['job_change', 'residence', 'study', 'retirement', 'other'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];
export const TRANSFER_REASON_LABELS: Record<TransferReason, string> = {
  job_change: '工作调动',
  residence: '居住地变更',
  study: '升学或毕业',
  retirement: '退休',
  other: '其他',
};

export const TRANSFER_EVENTS = ['create', 'accept', 'reject', 'cancel', 'receipt'] as const;
export type TransferEvent = (typeof TRANSFER_EVENTS)[number];
export const TRANSFER_EVENT_LABELS: Record<TransferEvent, string> = {
  create: '开具介绍信',
  accept: '接收',
  reject: '退回',
  cancel: '撤销',
  receipt: '回执已返回',
};

/** The list boxes of the transfers page. */
export const TRANSFER_BOXES = ['outgoing', 'incoming', 'overdue'] as const;
export type TransferBox = (typeof TRANSFER_BOXES)[number];
export const TRANSFER_BOX_LABELS: Record<TransferBox, string> = { outgoing: '转出', incoming: '转入', overdue: '逾期' };

/**
 * The rule (DOMAIN.md "Transfers"): a letter is valid 3 months, 6 when it crosses a province; the receipt
 * (回执) comes back within 1 month of the letter's issue.
 */
export const TRANSFER_RULES = { validityMonths: 3, crossProvinceValidityMonths: 6, receiptMonths: 1 } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** `date` plus whole months; a day past the target month's end falls on its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function validityMonths(crossProvince: boolean): number {
  return crossProvince ? TRANSFER_RULES.crossProvinceValidityMonths : TRANSFER_RULES.validityMonths;
}

/** The dates the rule gives a letter issued on `issuedOn`. */
export function transferDates(issuedOn: string, crossProvince: boolean): { validUntil: string; receiptDue: string } {
  return {
    validUntil: addMonthsToDate(issuedOn, validityMonths(crossProvince)),
    receiptDue: addMonthsToDate(issuedOn, TRANSFER_RULES.receiptMonths),
  };
}

export interface LetterDateIssue {
  field: 'issuedOn' | 'validUntil';
  message: string;
}

/**
 * The letter's dates against the rule: issued no later than today; valid until a date not before today (an
 * expired letter cannot be registered) and not past the rule's limit (the validity may be shortened, never
 * lengthened).
 */
export function checkLetterDates(issuedOn: string, validUntil: string, crossProvince: boolean, today: string): LetterDateIssue[] {
  const issues: LetterDateIssue[] = [];
  if (issuedOn > today) issues.push({ field: 'issuedOn', message: '介绍信开具日期不能晚于今天' });
  const limit = transferDates(issuedOn, crossProvince).validUntil;
  if (validUntil <= issuedOn) issues.push({ field: 'validUntil', message: '有效期至应晚于开具日期' });
  else if (validUntil > limit) {
    issues.push({
      field: 'validUntil',
      message: `有效期最长${validityMonths(crossProvince)}个月${crossProvince ? '（跨省）' : ''}，应不晚于 ${limit}`,
    });
  } else if (validUntil < today) issues.push({ field: 'validUntil', message: '介绍信已过有效期，请重新开具' });
  return issues;
}

export interface TransferFlags {
  /** Still pending after the letter's last valid day. */
  expired: boolean;
  /** Still pending (no receipt) after the receipt's due date. */
  receiptOverdue: boolean;
}

/** The overdue flags of a transfer on `today`; only a pending transfer can be overdue. */
export function transferFlags(
  t: { status: TransferStatus; validUntil: string; receiptDue: string },
  today: string,
): TransferFlags {
  const pending = t.status === 'pending';
  return { expired: pending && t.validUntil < today, receiptOverdue: pending && t.receiptDue < today };
}
