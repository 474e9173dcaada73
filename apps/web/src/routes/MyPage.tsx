import {
  APPRAISAL_GRADE_LABELS,
  ATTENDANCE_LABELS,
  DEVELOPMENT_STAGE_LABELS,
  DEVELOPMENT_STATUS_LABELS,
  MEETING_KIND_LABELS,
  MEMBER_STATUS_LABELS,
  TRANSFER_DIRECTION_LABELS,
  TRANSFER_STATUS_LABELS,
} from '@tongxin/contracts';
import { Alert, Button, Card, Descriptions, Empty, Flex, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { MyRegistrationTag } from '../features/events/MyRegistrationTag';
import { useMy } from '../features/my/api';
import { myMessages as m } from '../features/my/messages';
import { formatDate, formatDateTime } from '../lib/format';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const monthLabel = (ym: string) => `${Number(ym.slice(5, 7))}月`;

/** 我的, phone-first: one column of cards, everything the member needs without a desktop. */
export default function MyPage() {
  const my = useMy();
  const d = my.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {m.title}
      </Typography.Title>
      {my.error && <Alert type="error" showIcon title={my.error.message} />}
      <Card loading={my.isPending} size="small" data-testid="my-profile">
        {d && (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {d.member?.name ?? d.displayName}
            </Typography.Title>
            {d.member ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'branch', label: m.branch, children: d.member.orgName },
                  { key: 'secretary', label: m.secretary, children: d.secretary ?? m.none },
                  { key: 'status', label: m.status, children: MEMBER_STATUS_LABELS[d.member.status] },
                  { key: 'joined', label: m.joinedOn, children: formatDate(d.member.joinedOn) },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{m.notLinked}</Typography.Text>
            )}
          </>
        )}
      </Card>
      {d && (
        <>
          <Card size="small" title={m.hours.title} data-testid="my-hours">
            <Flex align="center" gap={16}>
              <Progress
                type="circle"
                size={72}
                percent={Math.min(100, Math.round((d.studyHours.hours / d.studyHours.target) * 100))}
                format={() => `${d.studyHours.hours}`}
              />
              <Flex vertical>
                <Typography.Text strong>{m.hours.figure(d.studyHours.hours, d.studyHours.target)}</Typography.Text>
                <Typography.Text>{m.hours.remaining(d.studyHours.remaining)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.hours.hint}
                </Typography.Text>
              </Flex>
            </Flex>
          </Card>
          <Card size="small" title={m.events.title} extra={<Link to="/events">{m.events.all}</Link>} data-testid="my-events">
            {d.events.length === 0 ? (
              <Typography.Text type="secondary">{m.events.empty}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                {d.events.map((e) => (
                  <Flex key={e.id} justify="space-between" align="center" gap={8} wrap>
                    <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                      <Link to={`/events/${e.id}`}>{e.title}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.startsAt)} · {e.place}
                      </Typography.Text>
                    </Flex>
                    <MyRegistrationTag
                      mine={{
                        id: e.id,
                        status: e.status,
                        queuePosition: e.queuePosition,
                        category: 'practitioner',
                        checkedInAt: e.checkedInAt,
                      }}
                    />
                    {e.status === 'registered' && !e.checkedInAt && (
                      <Link to={`/events/${e.id}`}>
                        <Button size="small" type="primary">
                          {m.events.code}
                        </Button>
                      </Link>
                    )}
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
          {d.linked && (
            <Card size="small" title={m.meetings.title} data-testid="my-meetings">
              {d.meetings.length === 0 ? (
                <Typography.Text type="secondary">{m.meetings.empty}</Typography.Text>
              ) : (
                <Flex vertical gap={6}>
                  {d.meetings.map((x) => (
                    <Flex key={x.id} justify="space-between" gap={8}>
                      <span style={{ minWidth: 0 }}>
                        {formatDate(x.heldOn)} {MEETING_KIND_LABELS[x.kind]}
                      </span>
                      <Tag color={x.attendance === 'present' ? 'green' : x.attendance === 'on_leave' ? 'orange' : 'red'}>
                        {ATTENDANCE_LABELS[x.attendance]}
                      </Tag>
                    </Flex>
                  ))}
                </Flex>
              )}
            </Card>
          )}
          {d.dues && (
            <Card size="small" title={m.dues.title(d.dues.year)} data-testid="my-dues">
              <Typography.Text type="secondary">{m.dues.paid}</Typography.Text>
              <div style={{ margin: '4px 0 8px' }}>
                {d.dues.paid.length === 0
                  ? m.dues.noneYet
                  : d.dues.paid.map((p) => (
                      <Tag key={p} color="green">
                        {monthLabel(p)}
                      </Tag>
                    ))}
              </div>
              {d.dues.owed.length === 0 ? (
                <Typography.Text>{m.dues.allPaid}</Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">{m.dues.owed}</Typography.Text>
                  <div style={{ marginTop: 4 }}>
                    {d.dues.owed.map((o) => (
                      <Tag key={o.month} color="orange">
                        {monthLabel(o.month)} {yuan(o.dueFen)}
                      </Tag>
                    ))}
                  </div>
                </>
              )}
            </Card>
          )}
          {d.appraisal && (
            <Card size="small" title={m.appraisal.title}>
              <Typography.Text strong>
                {d.appraisal.open ? m.appraisal.open(d.appraisal.year) : m.appraisal.closed(d.appraisal.year)}
              </Typography.Text>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'self',
                    label: m.appraisal.self,
                    children: d.appraisal.selfAssessed ? m.appraisal.done : m.appraisal.todo,
                  },
                  {
                    key: 'mutual',
                    label: m.appraisal.mutual,
                    children: d.appraisal.mutualCounted ? m.appraisal.done : m.appraisal.todo,
                  },
                  ...(d.appraisal.grade
                    ? [{ key: 'grade', label: m.appraisal.grade, children: APPRAISAL_GRADE_LABELS[d.appraisal.grade] }]
                    : []),
                ]}
              />
            </Card>
          )}
          {d.development && (
            <Card size="small" title={m.development.title}>
              {DEVELOPMENT_STAGE_LABELS[d.development.stage]} · {DEVELOPMENT_STATUS_LABELS[d.development.status]}
            </Card>
          )}
          {d.transfers.length > 0 && (
            <Card size="small" title={m.transfers.title}>
              <Flex vertical gap={6}>
                {d.transfers.map((x) => (
                  <div key={x.id}>
                    {TRANSFER_DIRECTION_LABELS[x.direction]} {x.counterpart ?? ''} <Tag>{TRANSFER_STATUS_LABELS[x.status]}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.transfers.validUntil} {x.validUntil}
                    </Typography.Text>
                  </div>
                ))}
              </Flex>
            </Card>
          )}
          {!d.linked && d.events.length === 0 && <Empty description={m.notLinked} />}
        </>
      )}
    </Space>
  );
}
