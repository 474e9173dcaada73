import { type ServiceAction, serviceNextStatus, serviceRefusal, serviceSideAllows } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { findServiceRequest, isContactOf, type ServiceRequestRow } from './service-request.repository.js';

export interface ServiceSides {
  /** The enterprise's side: its contact, or the secretary of the org that covered it. */
  requester: boolean;
  /** The committee's side: service.handle at the handling committee (or above). */
  handler: boolean;
}

/**
 * Which side of a request this user acts for. A handler never acts as the requesting side, even where it also
 * holds the raising permissions (a committee admin holds them to delegate the secretary and contact roles):
 * nobody rates their own answer.
 */
export async function sidesOf(
  db: Db | Trx,
  access: Access,
  r: Pick<ServiceRequestRow, 'org_id' | 'covering_org_id' | 'enterprise_id'>,
): Promise<ServiceSides> {
  if (!access.user) return { requester: false, handler: false };
  const handler = await access.can('service.handle', r.org_id);
  if (handler) return { requester: false, handler };
  const secretary = r.covering_org_id !== null && (await access.can('service.request', r.covering_org_id));
  const contact =
    !secretary && access.holdsAnywhere('service.contact') && (await isContactOf(db, access.user.id, r.enterprise_id));
  return { requester: secretary || contact, handler: false };
}

/** A request is visible to its two sides only; to anyone else it does not exist (404, no existence leak). */
export async function loadServiceRequest(db: Db | Trx, access: Access, id: string) {
  if (!access.signedIn) throw new AppError(401, 'unauthenticated', '请先登录');
  const r = await findServiceRequest(db, id);
  if (!r) throw notFound('诉求');
  const sides = await sidesOf(db, access, r);
  if (!sides.requester && !sides.handler) throw notFound('诉求');
  return { r, sides };
}

const WRONG_SIDE: Record<ServiceAction, string> = {
  assign: '只有党委承办人员可以指派诉求',
  answer: '只有党委承办人员可以答复诉求',
  reopen: '只有提出诉求的企业一方可以申请重新办理',
  close: '只有提出诉求的企业一方可以评价办结',
  withdraw: '只有提出诉求的企业一方可以撤回诉求',
  message: '您不能在该诉求下留言',
};

/** Whether this user may take the action now (the detail page's buttons). */
export function mayTake(action: ServiceAction, r: ServiceRequestRow, sides: ServiceSides, userId: string | null): boolean {
  if (!serviceSideAllows(action, sides) || serviceNextStatus(r.status, action) === null) return false;
  // Only the assignee answers; another handler first assigns the request to themselves.
  return action !== 'answer' || r.assignee_id === userId;
}

/** Refuses the action for the wrong side (403) or in a status the machine does not allow it from (409). */
export function requireStep(action: ServiceAction, r: ServiceRequestRow, sides: ServiceSides, userId: string) {
  if (!serviceSideAllows(action, sides)) throw forbidden(WRONG_SIDE[action]);
  const next = serviceNextStatus(r.status, action);
  if (next === null) throw conflict(serviceRefusal(r.status, action));
  if (action === 'answer' && r.assignee_id !== userId) {
    throw forbidden('只有承办人可以答复；如需由您答复，请先将诉求指派给自己');
  }
  return next;
}

export function abilitiesOf(r: ServiceRequestRow, sides: ServiceSides, userId: string | null) {
  const may = (a: ServiceAction) => mayTake(a, r, sides, userId);
  return {
    assign: may('assign'),
    answer: may('answer'),
    reopen: may('reopen'),
    close: may('close'),
    withdraw: may('withdraw'),
    message: may('message'),
    attach: may('message'),
  };
}
