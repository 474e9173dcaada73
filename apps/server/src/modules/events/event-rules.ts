import { AppError } from '../../platform/http/errors.js';

/** Registering, cancelling and checking in stop when the event has ended. */
export function refuseIfEnded(event: { ends_at: string }, now: Date, what: string): void {
  if (Date.parse(event.ends_at) <= now.getTime()) {
    throw new AppError(409, 'conflict', `活动已结束，不能再${what}`);
  }
}
