import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  EVENT_KIND_LABELS,
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_CATEGORY_LABELS,
  type ParticipantCategory,
  STUDY_KIND_LABELS,
} from '@tongxin/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useCancelRegistration, useEvent, useRegister } from '../features/events/api';
import { CheckInCodeCard } from '../features/events/CheckInCodeCard';
import { MyRegistrationTag } from '../features/events/MyRegistrationTag';
import { eventMessages as m } from '../features/events/messages';
import { OrganiserPanel } from '../features/events/OrganiserPanel';
import { formatDateTime } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

/** One event: the plan, the caller's registration and check-in code; the organiser's live attendance by category. */
export default function EventPage() {
  const { id = '' } = useParams();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const event = useEvent(id);
  const register = useRegister(id);
  const cancel = useCancelRegistration(id);
  const [form] = Form.useForm<{ category: ParticipantCategory; unit?: string }>();
  const e = event.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/events">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {m.back}
        </Button>
      </Link>
      {event.error && <Alert type="error" showIcon title={event.error.message} />}
      <Card loading={event.isPending}>
        {e && (
          <>
            <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="event-title-view">
                {e.title}
              </Typography.Title>
              <MyRegistrationTag mine={e.mine} />
            </Flex>
            <Descriptions
              size="small"
              column={mobile ? 1 : 2}
              items={[
                { key: 'kind', label: m.detail.kind, children: EVENT_KIND_LABELS[e.kind] },
                { key: 'org', label: m.detail.org, children: e.orgName },
                {
                  key: 'time',
                  label: m.detail.time,
                  children: `${formatDateTime(e.startsAt)} – ${formatDateTime(e.endsAt).slice(11)}`,
                },
                { key: 'place', label: m.detail.place, children: e.place },
                { key: 'seats', label: m.detail.seats, children: m.seats(e.seatsTaken, e.capacity) },
                ...(e.waitingCount > 0 ? [{ key: 'waiting', label: m.detail.waiting, children: `${e.waitingCount} 人` }] : []),
                {
                  key: 'study',
                  label: m.detail.study,
                  children: m.detail.studyHours(STUDY_KIND_LABELS[e.studyKind], e.studyHours),
                },
                ...(e.invites.length
                  ? [{ key: 'invites', label: m.detail.invites, children: e.invites.map((i) => i.orgName).join('、') }]
                  : []),
              ]}
            />
            {e.description && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{e.description}</Typography.Paragraph>
            )}
            {e.abilities.register && (
              <Form
                form={form}
                name="event-register"
                layout={mobile ? 'vertical' : 'inline'}
                initialValues={{ category: 'practitioner' }}
                style={{ marginTop: 12, rowGap: 8 }}
                onFinish={(v) =>
                  register.mutate(
                    { category: v.category, unit: v.unit ?? '' },
                    {
                      onSuccess: (r) =>
                        void message.success(r.status === 'waiting' ? m.waitlisted(r.queuePosition ?? 0) : m.registered),
                      onError: (err) => void message.error(err.message),
                    },
                  )
                }
              >
                <Form.Item name="category" label={m.field.category}>
                  <Select
                    style={{ minWidth: 140 }}
                    options={PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: PARTICIPANT_CATEGORY_LABELS[c] }))}
                    data-testid="register-category"
                  />
                </Form.Item>
                <Form.Item name="unit" label={m.field.unit}>
                  <Input maxLength={80} />
                </Form.Item>
                <Form.Item>
                  <Button
                    type="primary"
                    htmlType="submit"
                    loading={register.isPending}
                    block={mobile}
                    data-testid="event-register"
                  >
                    {m.register}
                  </Button>
                </Form.Item>
              </Form>
            )}
            {e.abilities.cancel && e.mine && (
              <Popconfirm
                title={m.cancelConfirm}
                onConfirm={() =>
                  cancel.mutate(e.mine!.id, {
                    onSuccess: () => void message.success(m.cancelled),
                    onError: (err) => void message.error(err.message),
                  })
                }
              >
                <Button danger style={{ marginTop: 12 }} data-testid="event-cancel">
                  {m.cancel}
                </Button>
              </Popconfirm>
            )}
          </>
        )}
      </Card>
      {e?.abilities.checkInCode && <CheckInCodeCard eventId={e.id} />}
      {e?.abilities.manage && <OrganiserPanel event={e} mobile={mobile} />}
      {e?.summary && (
        <Card title={m.detail.summary} size="small">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.summary}</Typography.Paragraph>
          {e.followUps.length > 0 && (
            <>
              <Typography.Text strong>{m.detail.followUps}</Typography.Text>
              <ol>
                {e.followUps.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: follow-ups have no id of their own
                  <li key={i}>
                    {f.text}
                    {f.serviceRequestId && (
                      <>
                        {' '}
                        <Link to={`/services/${f.serviceRequestId}`}>查看诉求</Link>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
