import { z } from 'zod';
import { APPRAISAL_GRADES } from './appraisal-rules.js';
import { DEVELOPMENT_STAGES, DEVELOPMENT_STATUSES } from './development-rules.js';
import { REGISTRATION_STATUSES } from './event-rules.js';
import { ATTENDANCE, MEETING_KINDS, MEETING_STATUSES } from './meeting-rules.js';
import { MEMBER_STATUSES } from './member-labels.js';
import { TRANSFER_DIRECTIONS, TRANSFER_STATUSES } from './transfer-rules.js';

/**
 * 我的: the member's own space, on a phone. Everything is the caller's own (through the member record their
 * account is linked to); nothing here takes a person or an org as input.
 */
export const myOverview = z.object({
  displayName: z.string(),
  /** False when the account is not linked to a member record: only events and study hours then. */
  linked: z.boolean(),
  member: z
    .object({
      name: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      status: z.enum(MEMBER_STATUSES),
      joinedOn: z.string().nullable(),
    })
    .nullable(),
  secretary: z.string().nullable(),
  meetings: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(MEETING_KINDS),
      status: z.enum(MEETING_STATUSES),
      heldOn: z.string(),
      topics: z.string(),
      attendance: z.enum(ATTENDANCE),
    }),
  ),
  studyHours: z.object({ year: z.number().int(), hours: z.number(), target: z.number(), remaining: z.number() }),
  events: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startsAt: z.string(),
      place: z.string(),
      status: z.enum(REGISTRATION_STATUSES),
      queuePosition: z.number().int().nullable(),
      checkedInAt: z.string().nullable(),
    }),
  ),
  dues: z
    .object({
      year: z.number().int(),
      paid: z.array(z.string()),
      owed: z.array(z.object({ month: z.string(), dueFen: z.number().int() })),
    })
    .nullable(),
  appraisal: z
    .object({
      id: z.string(),
      year: z.number().int(),
      open: z.boolean(),
      selfAssessed: z.boolean(),
      mutualCounted: z.boolean(),
      grade: z.enum(APPRAISAL_GRADES).nullable(),
    })
    .nullable(),
  development: z
    .object({ stage: z.union([z.enum(DEVELOPMENT_STAGES), z.literal('done')]), status: z.enum(DEVELOPMENT_STATUSES) })
    .nullable(),
  transfers: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(TRANSFER_DIRECTIONS),
      status: z.enum(TRANSFER_STATUSES),
      issuedOn: z.string(),
      validUntil: z.string(),
      counterpart: z.string().nullable(),
    }),
  ),
});
export type MyOverview = z.infer<typeof myOverview>;
