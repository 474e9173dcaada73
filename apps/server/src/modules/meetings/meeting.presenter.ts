import type { AttachmentInfo, MeetingDetail, MeetingSummary } from '@tongxin/contracts';
import type { Attendee, MeetingWithOrg, Resolution } from './meeting.repository.js';
import type { MeetingCounts } from './meeting-list.repository.js';
import { minutesForDisplay } from './minutes-html.js';

export function presentSummary(m: MeetingWithOrg, counts: MeetingCounts): MeetingSummary {
  return {
    id: m.id,
    org: { id: m.orgId, name: m.orgName },
    kind: m.kind,
    status: m.status,
    startsAt: m.startsAt,
    heldOn: m.heldOn,
    place: m.place,
    host: m.host,
    topics: m.topics,
    makesUpPeriod: m.makesUpPeriod,
    counts: counts.attendance.get(m.id) ?? { expected: 0, present: 0, onLeave: 0 },
    photos: counts.photos.get(m.id) ?? 0,
  };
}

/** One meeting with attendees, resolutions and votes, the committee's quorum, and what the user may do. */
export function presentDetail(
  m: MeetingWithOrg,
  parts: { attendees: Attendee[]; resolutions: Resolution[]; attachments: AttachmentInfo[]; counts: MeetingCounts },
  manage: boolean,
): MeetingDetail {
  return {
    ...presentSummary(m, parts.counts),
    recorder: m.recorder,
    lecturer: m.lecturer,
    minutes: minutesForDisplay(m.minutes),
    cancelReason: m.cancelReason,
    attendees: parts.attendees,
    resolutions: parts.resolutions.map((r) => ({ id: r.id, text: r.text, vote: r.vote })),
    committeeQuorum:
      m.committeeSize !== null
        ? {
            size: m.committeeSize,
            present: Number(m.committeePresent),
            met: Number(m.committeePresent) * 2 > m.committeeSize,
          }
        : null,
    attachments: parts.attachments,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    abilities: { edit: manage, cancel: manage },
  };
}
