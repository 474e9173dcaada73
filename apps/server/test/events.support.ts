import type { CreateEventBody } from '@tongxin/contracts';
import type { Session, testApp } from './support.js';

type App = Awaited<ReturnType<typeof testApp>>;

/** An event body starting `inHours` from the test clock, lasting two hours. */
export function eventBody(t: App, orgId: string, over: Partial<CreateEventBody> = {}): CreateEventBody {
  const start = new Date(t.clock.now().getTime() + 2 * 3600_000);
  return {
    orgId,
    kind: 'salon',
    title: '互联网行业四方沙龙',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    place: '市党群服务中心二楼',
    capacity: null,
    studyKind: 'organised_study',
    inviteOrgIds: [],
    ...over,
  };
}

export async function createEvent(t: App, s: Session, body: CreateEventBody): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/events', headers: s.headers, payload: body });
  if (res.statusCode !== 201) throw new Error(`create event: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export const register = (t: App, s: Session, eventId: string, payload: object = { category: 'practitioner' }) =>
  t.app.inject({ method: 'POST', url: `/api/events/${eventId}/registrations`, headers: s.headers, payload });
