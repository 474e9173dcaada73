import type { ServiceRequestDetail } from '@tongxin/contracts';
import { SERVICE_RATING_LABELS } from '@tongxin/contracts/labels';
import type { ButtonProps } from 'antd';
import { Button, Form, Input, Modal, Rate, Select, Space } from 'antd';
import { useState } from 'react';
import { useAction } from '../../lib/useAction';
import { useMe } from '../auth/api';
import { serviceApi, useAssignees, useInvalidateServices } from './api';
import { serviceMessages as m } from './messages';

type Dialog = 'assign' | 'close' | 'reopen' | 'withdraw' | null;

/** The buttons of the steps this user may take now (from the server's abilities), each in a small dialog. */
export function ServiceActions({ r, onAnswer }: { r: ServiceRequestDetail; onAnswer: () => void }) {
  const { data: me } = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const assignees = useAssignees(r.id, r.abilities.assign);
  const act = useAction((job: { work: () => Promise<unknown>; done: string }) => job.work(), {
    invalidate: useInvalidateServices(),
    success: (_, job) => job.done,
    onSuccess: () => {
      setDialog(null);
      form.resetFields();
    },
  });
  const busy = act.busy;
  const run = (work: () => Promise<unknown>, done: string) => act.mutateAsync({ work, done }).catch(() => undefined);
  const meId = me?.user.id;
  const takeIt = r.abilities.assign && r.assignee?.id !== meId && assignees.data?.some((a) => a.id === meId);

  const open = (d: Dialog) => {
    form.resetFields();
    setDialog(d);
  };
  const submit = () =>
    form.validateFields().then((v) => {
      if (dialog === 'assign') return run(() => serviceApi.assign(r.id, v.assigneeId, v.note || null), m.actions.assigned);
      if (dialog === 'close') return run(() => serviceApi.close(r.id, v.rating, v.comment || null), m.actions.closed);
      if (dialog === 'reopen') return run(() => serviceApi.reopen(r.id, v.reason), m.actions.reopened);
      if (dialog === 'withdraw') return run(() => serviceApi.withdraw(r.id, v.reason), m.actions.withdrawn);
    });

  const titles = {
    assign: m.actions.assignTitle,
    close: m.actions.closeTitle,
    reopen: m.actions.reopenTitle,
    withdraw: m.actions.withdrawTitle,
  } as const;
  return (
    <>
      <Space wrap>
        {r.abilities.close && (
          <Button type="primary" onClick={() => open('close')} data-testid="service-close">
            {m.actions.close}
          </Button>
        )}
        {r.abilities.reopen && (
          <Button onClick={() => open('reopen')} data-testid="service-reopen">
            {m.actions.reopen}
          </Button>
        )}
        {takeIt && meId && (
          <Button
            type="primary"
            loading={busy}
            onClick={() => run(() => serviceApi.assign(r.id, meId, null), m.actions.assigned)}
            data-testid="service-take"
          >
            {m.actions.takeIt}
          </Button>
        )}
        {r.abilities.answer && (
          <Button type="primary" onClick={onAnswer} data-testid="service-answer">
            {m.actions.answer}
          </Button>
        )}
        {r.abilities.assign && (
          <Button onClick={() => open('assign')} data-testid="service-assign">
            {r.assignee ? m.actions.reassign : m.actions.assign}
          </Button>
        )}
        {r.abilities.withdraw && (
          <Button danger onClick={() => open('withdraw')} data-testid="service-withdraw">
            {m.actions.withdraw}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'service-dialog-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false} initialValues={{ rating: 5 }}>
          {dialog === 'assign' && (
            <>
              <Form.Item name="assigneeId" label={m.actions.assignee} rules={[{ required: true, message: '请选择承办人' }]}>
                <Select
                  placeholder={m.actions.assigneePlaceholder}
                  loading={assignees.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(assignees.data ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.orgName}）` }))}
                  data-testid="service-assignee"
                />
              </Form.Item>
              <Form.Item name="note" label={m.actions.assignNote}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {dialog === 'close' && (
            <>
              <Form.Item name="rating" label={m.actions.rating} rules={[{ required: true, message: '请选择满意度评分' }]}>
                <Rate
                  tooltips={[1, 2, 3, 4, 5].map((n) => SERVICE_RATING_LABELS[n as 1])}
                  style={{ fontSize: 28 }}
                  data-testid="service-rating"
                />
              </Form.Item>
              <Form.Item name="comment" label={m.actions.ratingComment}>
                <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="service-rating-comment" />
              </Form.Item>
            </>
          )}
          {(dialog === 'reopen' || dialog === 'withdraw') && (
            <Form.Item
              name="reason"
              label={dialog === 'reopen' ? m.actions.reopenReason : m.actions.withdrawReason}
              rules={[
                { required: true, whitespace: true, message: '请填写原因' },
                { min: 2, message: '原因至少2个字' },
              ]}
            >
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="service-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
