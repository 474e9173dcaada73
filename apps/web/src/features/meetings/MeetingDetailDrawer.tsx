import { ATTENDANCE_LABELS, MEETING_KIND_LABELS } from '@tongxin/contracts/labels';
import { Alert, Button, Descriptions, Divider, Drawer, Empty, Form, Image, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AttachmentList, attachmentHref, isImage } from '../../components/AttachmentUpload';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useIsMobile } from '../../lib/useIsMobile';
import { meetingApi, useMeeting } from './api';
import { KindTag, StatusTag } from './MeetingTags';
import { MinutesView } from './MinutesView';
import { meetingMessages as m } from './messages';

interface Props {
  id: string;
  onClose: () => void;
  onEdit: (mode: 'planned' | 'held') => void;
  onChanged: () => void;
}

/** One meeting: who came, what was decided (with the vote's verdict), the minutes and the photos. */
export function MeetingDetailDrawer({ id, onClose, onEdit, onChanged }: Props) {
  const mobile = useIsMobile();
  const q = useMeeting(id);
  const d = q.data;
  const [cancelling, setCancelling] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const photos = d?.attachments.filter((a) => isImage(a.mediaType)) ?? [];
  const others = d?.attachments.filter((a) => !isImage(a.mediaType)) ?? [];

  const cancelMeeting = useAction((reason: string) => meetingApi.cancel(id, reason), {
    form,
    fields: ['reason'],
    success: m.cancelled,
    onSuccess: () => {
      setCancelling(false);
      onChanged();
    },
  });
  const cancel = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) cancelMeeting.run(v.reason);
  };

  return (
    <Drawer
      open
      size={mobile ? '100%' : 720}
      title={d ? `${MEETING_KIND_LABELS[d.kind]} · ${d.org.name}` : m.detailTitle}
      onClose={onClose}
      loading={q.isLoading}
      extra={
        d?.abilities.edit && (
          <Space>
            {d.status === 'planned' ? (
              <Button type="primary" onClick={() => onEdit('held')} data-testid="record-held">
                {m.recordHeld}
              </Button>
            ) : (
              <Button onClick={() => onEdit('held')} data-testid="edit-held">
                {m.edit}
              </Button>
            )}
            {d.status === 'planned' && <Button onClick={() => onEdit('planned')}>{m.edit}</Button>}
            <Button danger onClick={() => setCancelling(true)}>
              {m.cancel}
            </Button>
          </Space>
        )
      }
    >
      {q.error && <Alert type="error" showIcon title={q.error.message} />}
      {d && (
        <div data-testid="meeting-detail">
          {d.cancelReason && <Alert type="warning" showIcon title={m.cancelledAs(d.cancelReason)} style={{ marginBottom: 16 }} />}
          <Descriptions column={mobile ? 1 : 2} size="small" bordered>
            <Descriptions.Item label={m.kind}>
              <KindTag kind={d.kind} />
              <StatusTag status={d.status} makesUp={d.makesUpPeriod} />
            </Descriptions.Item>
            <Descriptions.Item label={m.columns.date}>{formatDateTime(d.startsAt)}</Descriptions.Item>
            <Descriptions.Item label={m.place}>{d.place}</Descriptions.Item>
            <Descriptions.Item label={m.host}>{d.host}</Descriptions.Item>
            {/* Without a lecturer the recorder ends its line alone: fill it, so the topics start a full line. */}
            <Descriptions.Item label={m.recorder} span={d.kind === 'party_lecture' ? 1 : 'filled'}>
              {d.recorder ?? '—'}
            </Descriptions.Item>
            {d.kind === 'party_lecture' && <Descriptions.Item label={m.lecturer}>{d.lecturer ?? '—'}</Descriptions.Item>}
            <Descriptions.Item label={m.topics} span="filled">
              <span style={{ whiteSpace: 'pre-wrap' }}>{d.topics}</span>
            </Descriptions.Item>
          </Descriptions>

          {d.status === 'held' && (
            <>
              <Divider titlePlacement="start">
                {`出席情况：应到 ${d.counts.expected}，实到 ${d.counts.present}，请假 ${d.counts.onLeave}`}
              </Divider>
              {d.committeeQuorum && (
                <Alert
                  type={d.committeeQuorum.met ? 'success' : 'warning'}
                  showIcon
                  title={m.committeeQuorum(d.committeeQuorum.present, d.committeeQuorum.size, d.committeeQuorum.met)}
                  style={{ marginBottom: 8 }}
                />
              )}
              <Space wrap size={[6, 6]} data-testid="detail-attendees">
                {d.attendees.map((a) => (
                  <Tag
                    key={a.memberId}
                    color={a.attendance === 'present' ? 'green' : a.attendance === 'on_leave' ? 'orange' : 'default'}
                    style={{ fontSize: 14, padding: '2px 8px' }}
                  >
                    {a.name}
                    {a.memberStatus === 'probationary' ? '（预备）' : ''} · {ATTENDANCE_LABELS[a.attendance]}
                  </Tag>
                ))}
              </Space>

              <Divider titlePlacement="start">{m.resolutions}</Divider>
              {d.resolutions.length === 0 && <Typography.Text type="secondary">{m.noResolutions}</Typography.Text>}
              {d.resolutions.map((r, i) => (
                <div key={r.id} style={{ marginBottom: 12 }} data-testid={`detail-resolution-${i}`}>
                  <Typography.Text strong>{`${i + 1}. ${r.text}`}</Typography.Text>
                  {r.vote ? (
                    <div style={{ marginTop: 4 }}>
                      <Tag color={r.vote.valid ? 'blue' : 'red'}>{r.vote.valid ? m.valid : m.invalidVote}</Tag>
                      {r.vote.valid && (
                        <Tag color={r.vote.passed ? 'green' : 'orange'}>{r.vote.passed ? m.passed : m.notPassed}</Tag>
                      )}
                      <Typography.Text type="secondary">{m.vote(r.vote)}</Typography.Text>
                      <div style={{ color: 'rgba(0,0,0,0.65)' }}>{r.vote.reason}</div>
                    </div>
                  ) : (
                    <Typography.Text type="secondary"> （{m.notVoted}）</Typography.Text>
                  )}
                </div>
              ))}

              <Divider titlePlacement="start">{m.minutes}</Divider>
              {d.minutes ? <MinutesView html={d.minutes} /> : <Typography.Text type="secondary">{m.noMinutes}</Typography.Text>}
            </>
          )}

          <Divider titlePlacement="start">{m.attachments}</Divider>
          {photos.length === 0 && others.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noAttachments} />
          )}
          {photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap data-testid="detail-photos">
                {photos.map((p) => (
                  <Image
                    key={p.id}
                    src={attachmentHref(p.id)}
                    alt={p.fileName}
                    width={mobile ? 150 : 180}
                    height={120}
                    style={{ objectFit: 'cover', borderRadius: 6 }}
                  />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          {others.length > 0 && <AttachmentList items={others} />}
        </div>
      )}
      <Modal
        open={cancelling}
        title={m.cancel}
        onOk={() => void cancel()}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, loading: cancelMeeting.busy }}
        destroyOnHidden
      >
        {cancelMeeting.formError && <Alert type="error" showIcon title={cancelMeeting.formError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={m.cancelReason} rules={[{ required: true, min: 2, message: '请填写取消原因' }]}>
            <Input.TextArea placeholder={m.cancelReasonPh} maxLength={200} autoSize />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
