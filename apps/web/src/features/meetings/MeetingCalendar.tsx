import type { MeetingSummary } from '@tongxin/contracts';
import { MEETING_KIND_SHORT } from '@tongxin/contracts/labels';
import { Badge, Calendar } from 'antd';
import type { Dayjs } from 'dayjs';
import { beijingDateTimeOf } from './dates';

const STATUS: Record<MeetingSummary['status'], 'success' | 'processing' | 'default'> = {
  held: 'success',
  planned: 'processing',
  cancelled: 'default',
};

/** A month of meetings on a calendar; each is a badge that opens it. */
export function MeetingCalendar({
  month,
  items,
  onMonth,
  onOpen,
}: {
  month: Dayjs;
  items: MeetingSummary[];
  onMonth: (d: Dayjs) => void;
  onOpen: (id: string) => void;
}) {
  const byDay = new Map<string, MeetingSummary[]>();
  for (const i of items) byDay.set(i.heldOn, [...(byDay.get(i.heldOn) ?? []), i]);
  return (
    <Calendar
      value={month}
      onPanelChange={(d) => onMonth(d)}
      onSelect={(d, info) => {
        if (info.source !== 'date') onMonth(d);
      }}
      cellRender={(d, info) => {
        if (info.type !== 'date') return null;
        const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
        return (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(i.id);
                  }}
                  style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', textAlign: 'left' }}
                  data-testid="calendar-meeting"
                >
                  <Badge
                    status={STATUS[i.status]}
                    text={`${beijingDateTimeOf(i.startsAt).slice(11)} ${MEETING_KIND_SHORT[i.kind]}`}
                  />
                </button>
              </li>
            ))}
          </ul>
        );
      }}
    />
  );
}
