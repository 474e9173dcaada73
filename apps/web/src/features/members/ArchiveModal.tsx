import { ARCHIVE_REASON_LABELS, type ArchiveReason } from '@tongxin/contracts/labels';
import { Alert, type ButtonProps, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAction } from '../../lib/useAction';
import { memberApi, useInvalidateMembers } from './api';
import { beijingToday } from './dates';
import { memberMessages as m } from './messages';

interface Values {
  reason: ArchiveReason;
  on: Dayjs;
  note?: string;
}

/** 归档: the reason, the date it happened and a note; the record and its history stay. */
export function ArchiveModal({ memberId, name, onClose }: { memberId: string; name: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const archive = useAction(
    (v: Values) =>
      memberApi.archive(memberId, {
        reason: v.reason,
        on: v.on.format('YYYY-MM-DD'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    { form, fields: ['reason', 'on', 'note'], invalidate: useInvalidateMembers(), success: m.archived, onSuccess: onClose },
  );
  const error = archive.formError;

  return (
    <Modal
      open
      title={m.archiveTitle(name)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={m.archiveSubmit}
      okButtonProps={{ danger: true, loading: archive.busy, 'data-testid': 'archive-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={m.archiveWarning} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={archive.run} initialValues={{ on: dayjs(beijingToday()) }}>
        <Form.Item name="reason" label={m.archiveReason} rules={[{ required: true, message: m.archiveReasonRequired }]}>
          <Select options={Object.entries(ARCHIVE_REASON_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="on" label={m.archiveOn} rules={[{ required: true, message: m.archiveOnRequired }]}>
          <DatePicker
            format="YYYY-MM-DD"
            disabledDate={(d) => d.format('YYYY-MM-DD') > beijingToday()}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="note" label={m.archiveNote}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={m.archiveNotePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
