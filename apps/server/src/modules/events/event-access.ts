import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { findEvent, isInvited } from './event.repository.js';

/**
 * Who sees an event: the organising side (event.manage at its org), anyone who reads the organiser org (its
 * own people), and the people of the invited orgs and everything below them. Anyone else gets 404.
 */
export async function visibleEvent(trx: Trx, access: Access, eventId: string) {
  const event = await findEvent(trx, eventId);
  if (!event) throw notFound('活动');
  const manage = await access.can('event.manage', event.org_id);
  if (manage || (await access.can('org.read', event.org_id)) || (await isInvited(trx, access, eventId))) {
    return { event, manage };
  }
  throw notFound('活动');
}

/** The organiser's actions: visible but not the organising side → 403. */
export async function managedEvent(trx: Trx, access: Access, eventId: string) {
  const found = await visibleEvent(trx, access, eventId);
  if (!found.manage) throw forbidden('只有主办组织可以管理该活动');
  return found.event;
}
