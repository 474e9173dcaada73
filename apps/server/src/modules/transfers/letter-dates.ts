import { checkLetterDates, transferDates } from '@tongxin/contracts';
import { AppError } from '../../platform/http/errors.js';

/** The dates of a letter: the rule's validity unless the user shortened it; refused outside the rule. */
export function letterDates(input: { issuedOn: string; validUntil?: string | undefined }, crossProvince: boolean, today: string) {
  const rule = transferDates(input.issuedOn, crossProvince);
  const validUntil = input.validUntil ?? rule.validUntil;
  const issues = checkLetterDates(input.issuedOn, validUntil, crossProvince, today);
  if (issues.length) {
    throw new AppError(
      400,
      'validation_failed',
      issues[0]!.message,
      issues.map((i) => ({ path: i.field, message: i.message })),
    );
  }
  return { validUntil, receiptDue: rule.receiptDue };
}
