import type { ErrorCode } from '@tongxin/contracts';
import type { AuditEvent } from '../audit/events.js';

export interface FieldError {
  path: string;
  message: string;
}

/** An error the client is meant to see: stable code, HTTP status, Chinese message. */
export class AppError extends Error {
  /** An event the error handler records after the rollback (a refused action that is itself a sensitive read). */
  audit?: AuditEvent;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new AppError(404, 'not_found', `${what}不存在或您无权查看`);
export const forbidden = (message = '您没有执行此操作的权限') => new AppError(403, 'forbidden', message);
export const unauthenticated = (message = '请先登录') => new AppError(401, 'unauthenticated', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const invalid = (path: string, message: string) => new AppError(400, 'validation_failed', message, [{ path, message }]);
