import { timingSafeEqual } from 'node:crypto';
import { EVENT_LIMITS } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { AppError } from '../../platform/http/errors.js';

/**
 * A participant's check-in code: event, registration, expiry and a random nonce, signed with the platform's
 * keyed MAC (through the crypto provider, DP-10). Nothing is stored when a code is shown; the nonce of the
 * code that checked someone in is kept, so showing that code again is recognised as a replay.
 */
const PURPOSE = 'event-check-in';
const VERSION = 'c1';

export interface CheckInClaim {
  eventId: string;
  registrationId: string;
  expiresAt: Date;
  nonce: string;
}

const mac = (ctx: Pick<Ctx, 'crypto'>, payload: string) => ctx.crypto.blindIndex(PURPOSE, payload).slice(0, 32);

export function issueCheckInCode(ctx: Pick<Ctx, 'crypto' | 'clock'>, eventId: string, registrationId: string) {
  const expiresAt = new Date(ctx.clock.now().getTime() + EVENT_LIMITS.codeMinutes * 60_000);
  const payload = [VERSION, eventId, registrationId, expiresAt.getTime().toString(36), ctx.crypto.randomToken(9)].join('.');
  return { code: `${payload}.${mac(ctx, payload)}`, expiresAt: expiresAt.toISOString() };
}

const refused = (message: string) => new AppError(400, 'validation_failed', message, [{ path: 'code', message }]);

/** Checks the signature, then the expiry; a code that fails either is refused before anything is read. */
export function readCheckInCode(ctx: Pick<Ctx, 'crypto' | 'clock'>, code: string): CheckInClaim {
  const parts = code.trim().split('.');
  const altered = refused('签到码无效：内容被改动或不是本平台签发的签到码');
  if (parts.length !== 6 || parts[0] !== VERSION) throw altered;
  const payload = parts.slice(0, 5).join('.');
  const given = Buffer.from(parts[5]!, 'utf8');
  const expected = Buffer.from(mac(ctx, payload), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw altered;
  const expiresAt = new Date(Number.parseInt(parts[3]!, 36));
  if (Number.isNaN(expiresAt.getTime())) throw altered;
  if (expiresAt.getTime() < ctx.clock.now().getTime()) {
    throw refused('签到码已过期：请参与者刷新页面，出示新的签到码');
  }
  return { eventId: parts[1]!, registrationId: parts[2]!, expiresAt, nonce: parts[4]! };
}
