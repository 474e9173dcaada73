import {
  MEETING_KIND_SHORT,
  MEETING_STATUS_LABELS,
  type MeetingKind,
  type MeetingStatus,
  periodLabel,
} from '@tongxin/contracts/labels';
import { Tag } from 'antd';
import { meetingMessages as m } from './messages';

export const KIND_COLOURS: Record<MeetingKind, string> = {
  general_meeting: 'red',
  committee_meeting: 'volcano',
  group_meeting: 'orange',
  party_lecture: 'geekblue',
  theme_day: 'magenta',
  life_meeting: 'purple',
};

export const KindTag = ({ kind }: { kind: MeetingKind }) => <Tag color={KIND_COLOURS[kind]}>{MEETING_KIND_SHORT[kind]}</Tag>;

export function StatusTag({ status, makesUp }: { status: MeetingStatus; makesUp?: string | null }) {
  return (
    <>
      <Tag color={status === 'held' ? 'green' : status === 'planned' ? 'blue' : 'default'}>{MEETING_STATUS_LABELS[status]}</Tag>
      {makesUp && <Tag color="gold">{m.makesUp(periodLabel(makesUp))}</Tag>}
    </>
  );
}
