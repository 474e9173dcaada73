import { ATTENDANCE_LABELS, type Attendance } from '@tongxin/contracts/labels';
import { Button, Space, Typography } from 'antd';
import type { Roster } from './api';
import { meetingMessages as m } from './messages';

const NEXT: Record<Attendance, Attendance> = { absent: 'present', present: 'on_leave', on_leave: 'absent' };
const STYLE: Record<Attendance, { background: string; color: string; borderColor: string }> = {
  present: { background: '#f6ffed', color: '#237804', borderColor: '#95de64' },
  on_leave: { background: '#fff7e6', color: '#ad4e00', borderColor: '#ffc069' },
  absent: { background: '#fafafa', color: 'rgba(0,0,0,0.45)', borderColor: '#d9d9d9' },
};

export type AttendanceValue = Record<string, Attendance>;

/**
 * Attendance by tapping names (phone first): each member is a big chip that cycles 缺席 → 实到 → 请假.
 * Probationary members are marked 预备, since they attend but do not vote.
 */
export function AttendanceChips({
  roster,
  value = {},
  onChange,
}: {
  roster: Roster;
  value?: AttendanceValue;
  onChange?: (v: AttendanceValue) => void;
}) {
  const count = (a: Attendance) => roster.members.filter((p) => (value[p.id] ?? 'absent') === a).length;
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{m.attendanceBasis(roster.basis)}</Typography.Text>
        <Typography.Text strong data-testid="attendance-counts">
          {`应到 ${roster.members.length}，实到 ${count('present')}，请假 ${count('on_leave')}`}
        </Typography.Text>
        <Button
          size="small"
          onClick={() => onChange?.(Object.fromEntries(roster.members.map((p) => [p.id, 'present' as const])))}
          data-testid="all-present"
        >
          {m.allPresent}
        </Button>
      </Space>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="attendance-chips">
        {roster.members.map((p) => {
          const a = value[p.id] ?? 'absent';
          return (
            <button
              key={p.id}
              type="button"
              aria-pressed={a === 'present'}
              aria-label={`${p.name}：${ATTENDANCE_LABELS[a]}`}
              data-attendance={a}
              onClick={() => onChange?.({ ...value, [p.id]: NEXT[a] })}
              style={{
                ...STYLE[a],
                minWidth: 88,
                minHeight: 44,
                padding: '4px 12px',
                borderRadius: 8,
                borderWidth: 1,
                borderStyle: 'solid',
                fontSize: 15,
                cursor: 'pointer',
                lineHeight: 1.2,
              }}
            >
              <div>{p.name}</div>
              <div style={{ fontSize: 12 }}>
                {ATTENDANCE_LABELS[a]}
                {p.memberStatus === 'probationary' ? ' · 预备' : ''}
              </div>
            </button>
          );
        })}
      </div>
    </div>
  );
}
