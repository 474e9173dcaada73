import { maskPersonal } from '../http/log-redaction.js';

/**
 * A cell's text as an import message quotes it: 「…」 with ID numbers, phones and any run of 7+ digits masked.
 * Reports are stored and shown back, and a shifted column can put an ID number where a name or a choice was
 * expected: every quoted cell goes through here.
 */
export function quoteCell(text: string): string {
  return `「${maskPersonal(text)}」`;
}

/** Text for a report that may carry cell content (a row's name): the same masking, without the quotes. */
export const maskCell = (text: string): string => maskPersonal(text);
