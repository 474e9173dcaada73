import type { CreateTransferInput } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { issueLetter } from './issue-letter.js';
import { registerIncoming } from './register-incoming.js';

/** Starts a transfer: a letter issued for a member (within the city or out of it), or an incoming one registered. */
export async function createTransfer(ctx: Ctx, input: CreateTransferInput): Promise<string> {
  try {
    return input.direction === 'in' ? await registerIncoming(ctx, input) : await issueLetter(ctx, input);
  } catch (e) {
    // Two letters racing past the checks meet the unique indexes (PostgreSQL): the loser gets the checks' answer.
    if (isUniqueViolation(e)) throw conflict('该党员或该介绍信编号已有在办的转接，请刷新后重试');
    throw e;
  }
}
