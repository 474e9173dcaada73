import { z } from 'zod';
import { CHECKIN_METHODS, EVENT_KINDS, EVENT_LIMITS, PARTICIPANT_CATEGORIES, REGISTRATION_STATUSES } from './event-rules.js';
import { STUDY_KINDS } from './study-hour-rules.js';

export * from './event-rules.js';
export * from './study-hour-rules.js';

const id = z.string().uuid('编号格式不正确');
const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}格式不正确` }).transform((v) => new Date(v).toISOString());
const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const createEventBody = z
  .object({
    orgId: z.string({ error: '请选择主办组织' }).uuid('请选择主办组织'),
    kind: z.enum(EVENT_KINDS, { error: '请选择活动类型' }),
    title: text('活动名称', EVENT_LIMITS.titleMax, 2),
    startsAt: instant('开始时间'),
    endsAt: instant('结束时间'),
    place: text('地点', EVENT_LIMITS.placeMax),
    description: z
      .string()
      .trim()
      .max(EVENT_LIMITS.descriptionMax, `活动介绍不能超过${EVENT_LIMITS.descriptionMax}个字`)
      .default(''),
    /** null: no limit. */
    capacity: z
      .number({ error: '名额须是整数' })
      .int('名额须是整数')
      .min(1, '名额至少为1')
      .max(EVENT_LIMITS.capacityMax, `名额不能超过${EVENT_LIMITS.capacityMax}`)
      .nullable()
      .default(null),
    studyKind: z.enum(STUDY_KINDS, { error: '学时类别不正确' }).default('none'),
    /** Invited orgs (each with its subtree): their people see the event and may register. */
    inviteOrgIds: z.array(id).max(EVENT_LIMITS.invites, `邀请组织最多${EVENT_LIMITS.invites}个`).default([]),
  })
  .strict()
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: '结束时间须晚于开始时间' });
export type CreateEventBody = z.input<typeof createEventBody>;

export const eventIdParams = z.object({ id });
export const registrationParams = z.object({ id, registrationId: id });

export const eventListQuery = z
  .object({
    when: z.enum(['upcoming', 'past', 'all']).default('all'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
  })
  .strict();

export const registerBody = z
  .object({
    category: z.enum(PARTICIPANT_CATEGORIES, { error: '请选择参与者类别' }).default('practitioner'),
    unit: z.string().trim().max(80, '单位不能超过80个字').default(''),
  })
  .strict();
export type RegisterBody = z.input<typeof registerBody>;

/** The organiser adds a person (a guest without an account, or an account by id). */
export const addParticipantBody = z
  .object({
    name: text('姓名', 40),
    unit: z.string().trim().max(80, '单位不能超过80个字').default(''),
    category: z.enum(PARTICIPANT_CATEGORIES, { error: '请选择参与者类别' }),
    userId: id.nullable().default(null),
  })
  .strict();
export type AddParticipantBody = z.input<typeof addParticipantBody>;

export const checkInBody = z
  .object({ code: z.string({ error: '请扫描签到码' }).trim().min(1, '请扫描签到码').max(400, '签到码无效') })
  .strict();

export const eventSummaryBody = z
  .object({
    summary: z.string().trim().max(EVENT_LIMITS.summaryMax, `活动小结不能超过${EVENT_LIMITS.summaryMax}个字`),
    followUps: z
      .array(z.object({ text: text('后续事项', 200), serviceRequestId: id.nullable().default(null) }).strict())
      .max(EVENT_LIMITS.followUps, `后续事项最多${EVENT_LIMITS.followUps}条`)
      .default([]),
    photoIds: z.array(id).max(EVENT_LIMITS.photos, `照片最多${EVENT_LIMITS.photos}张`).default([]),
  })
  .strict();
export type EventSummaryBody = z.input<typeof eventSummaryBody>;

const registrationDto = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  queuePosition: z.number().int().nullable(),
  category: z.enum(PARTICIPANT_CATEGORIES),
  checkedInAt: z.string().nullable(),
});

export const eventSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int().nullable(),
  seatsTaken: z.number().int(),
  mine: registrationDto.nullable(),
});
export type EventSummary = z.infer<typeof eventSummary>;
export const eventListResponse = z.object({ items: z.array(eventSummary), total: z.number().int() });

export const participantDto = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  category: z.enum(PARTICIPANT_CATEGORIES),
  status: z.enum(REGISTRATION_STATUSES),
  queuePosition: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  checkinMethod: z.enum(CHECKIN_METHODS).nullable(),
  hasAccount: z.boolean(),
});
export type ParticipantDto = z.infer<typeof participantDto>;

export const categoryCount = z.object({
  category: z.enum(PARTICIPANT_CATEGORIES),
  registered: z.number().int(),
  waiting: z.number().int(),
  checkedIn: z.number().int(),
});
export type CategoryCount = z.infer<typeof categoryCount>;

export const eventDetail = eventSummary.extend({
  description: z.string(),
  studyKind: z.enum(STUDY_KINDS),
  studyHours: z.number(),
  invites: z.array(z.object({ orgId: z.string(), orgName: z.string() })),
  summary: z.string().nullable(),
  followUps: z.array(z.object({ text: z.string(), serviceRequestId: z.string().nullable() })),
  photos: z.array(z.object({ id: z.string(), name: z.string() })),
  waitingCount: z.number().int(),
  /** The organiser's view; null for a participant. */
  participants: z.array(participantDto).nullable(),
  byCategory: z.array(categoryCount).nullable(),
  abilities: z.object({ manage: z.boolean(), register: z.boolean(), cancel: z.boolean(), checkInCode: z.boolean() }),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const checkInCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });
export type CheckInCodeResponse = z.infer<typeof checkInCodeResponse>;

export const checkInResponse = z.object({
  eventId: z.string(),
  eventTitle: z.string(),
  name: z.string(),
  category: z.enum(PARTICIPANT_CATEGORIES),
  checkedInAt: z.string(),
});
export type CheckInResponse = z.infer<typeof checkInResponse>;

export const registrationResponse = registrationDto;
export type RegistrationDto = z.infer<typeof registrationDto>;
export type EventListResponse = z.infer<typeof eventListResponse>;
export type RegistrationResponse = z.infer<typeof registrationResponse>;
