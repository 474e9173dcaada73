import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCheckInCode } from '../src/modules/events/check-in-code.js';
import { eventBody } from './events.support.js';
import { ACTORS, type Actor, matrixWorld, row, TARGETS } from './matrix.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
/** Events by organiser: the city's (no invites), district A's (inviting branch A1), district B's (no invites). */
const ORGANISERS = ['city', 'districtA', 'districtB'] as const;
let events: Record<(typeof ORGANISERS)[number], string>;

beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
  events = {} as typeof events;
  for (const o of ORGANISERS) {
    const res = await w.call(
      o,
      'POST',
      '/api/events',
      eventBody(t, w.tree[o], o === 'districtA' ? { inviteOrgIds: [w.tree.branchA1] } : {}),
    );
    expect(res.statusCode).toBe(201);
    events[o] = res.json().id;
  }
});
afterAll(() => t.close());

/**
 * AZ-02 for events. Planning: event.manage at the org (committee admins and secretaries); a member is refused
 * where it sees the org. Columns as TARGETS: city districtA branchA1 groupA1 branchA2 districtB branchB1
 */
const CREATE: Record<Actor, number[]> = {
  anonymous: row('401 401 401 401 401 401 401'),
  member: row('404 404 403 404 404 404 404'),
  enterprise: row('404 404 404 404 403 404 404'),
  secretary: row('404 404 201 201 404 404 404'),
  districtA: row('404 201 201 201 201 404 404'),
  districtB: row('404 404 404 404 404 201 201'),
  city: row('201 201 201 201 201 201 201'),
  sysadmin: row('404 404 404 404 404 404 404'),
  secadmin: row('403 403 403 403 403 403 403'),
  auditor: row('404 404 404 404 404 404 404'),
};

/** Seeing one event (and registering for it): the organiser's own people and the invited orgs' people. Columns: ORGANISERS. */
const READ: Record<Actor, number[]> = {
  anonymous: row('401 401 401'),
  member: row('404 200 404'),
  enterprise: row('404 404 404'),
  secretary: row('404 200 404'),
  districtA: row('404 200 404'),
  districtB: row('404 404 200'),
  city: row('200 200 200'),
  sysadmin: row('404 404 404'),
  secadmin: row('404 404 404'),
  auditor: row('404 404 404'),
};
const created = (s: number) => (s === 200 ? 201 : s);
/** The organiser's actions (add a participant, tick in, scan a code, write the summary): visible but not organising → 403. */
const MANAGE: Record<Actor, number[]> = {
  ...READ,
  member: row('404 403 404'),
  secretary: row('404 403 404'),
};

describe('AZ-02 events matrix', () => {
  for (const actor of ACTORS) {
    it(`${actor}: plan an event at each org`, async () => {
      const got = [];
      for (const target of TARGETS)
        got.push((await w.call(actor, 'POST', '/api/events', eventBody(t, w.tree[target]))).statusCode);
      expect(got).toEqual(CREATE[actor]);
    });

    it(`${actor}: read, register, list`, async () => {
      const read = [];
      const reg = [];
      for (const o of ORGANISERS) {
        read.push((await w.call(actor, 'GET', `/api/events/${events[o]}`)).statusCode);
        reg.push(
          (await w.call(actor, 'POST', `/api/events/${events[o]}/registrations`, { category: 'practitioner' })).statusCode,
        );
      }
      expect(read).toEqual(READ[actor]);
      expect(reg).toEqual(READ[actor].map(created));
      const list = await w.call(actor, 'GET', '/api/events?pageSize=100');
      if (actor === 'anonymous') return expect(list.statusCode).toBe(401);
      const ids = new Set(list.json().items.map((e: { id: string }) => e.id));
      for (const [i, o] of ORGANISERS.entries()) {
        expect(ids.has(events[o]), `${actor} lists ${o}'s event`).toBe(READ[actor][i] === 200);
      }
    });

    it(`${actor}: organiser actions`, async () => {
      const add = [];
      const tick = [];
      const scan = [];
      const summary = [];
      for (const o of ORGANISERS) {
        const id = events[o];
        add.push(
          (await w.call(actor, 'POST', `/api/events/${id}/participants`, { name: '访客', category: 'authority' })).statusCode,
        );
        const guest = await w.call(o, 'POST', `/api/events/${id}/participants`, {
          name: `嘉宾${actor}`,
          category: 'association',
        });
        tick.push((await w.call(actor, 'POST', `/api/events/${id}/registrations/${guest.json().id}/check-in`)).statusCode);
        const other = await w.call(o, 'POST', `/api/events/${id}/participants`, {
          name: `来宾${actor}`,
          category: 'practitioner',
        });
        const { code } = issueCheckInCode(t.deps, id, other.json().id);
        scan.push((await w.call(actor, 'POST', '/api/events/check-in', { code })).statusCode);
        summary.push((await w.call(actor, 'PUT', `/api/events/${id}/summary`, { summary: '小结' })).statusCode);
      }
      expect(add).toEqual(MANAGE[actor].map(created));
      expect(tick).toEqual(MANAGE[actor]);
      expect(scan).toEqual(MANAGE[actor]);
      expect(summary).toEqual(MANAGE[actor]);
    });
  }

  it('a check-in code is only shown to its own account, and only for a seat', async () => {
    const mine = await w.call('member', 'GET', `/api/events/${events.districtA}/check-in-code`);
    expect(mine.statusCode).toBe(200);
    expect((await w.call('secretary', 'GET', `/api/events/${events.districtA}/check-in-code`)).statusCode).toBe(200);
    expect((await w.call('enterprise', 'GET', `/api/events/${events.districtA}/check-in-code`)).statusCode).toBe(404);
    expect((await w.call('member', 'GET', `/api/events/${events.city}/check-in-code`)).statusCode).toBe(404);
  });
});
