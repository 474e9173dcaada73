import type { TransferSummary } from '@tongxin/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { transferApi, useInvalidateTransfers } from './api';
import { transferMessages as m } from './messages';

type Dialog = 'reject' | 'cancel' | 'receipt' | null;
const today = () => formatDate(new Date().toISOString());

/** The buttons for what this user may do with a transfer now (the server's abilities), with their dialogs. */
export function TransferActions({ t, onDone }: { t: TransferSummary; onDone?: () => void }) {
  const { modal } = App.useApp();
  const invalidate = useInvalidateTransfers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ reason?: string; receivedOn?: Dayjs }>();
  const act = useAction((job: { work: () => Promise<unknown>; done: string }) => job.work(), {
    inline: true,
    invalidate,
    success: (_, job) => job.done,
    onSuccess: () => {
      setDialog(null);
      onDone?.();
    },
  });
  const accept = useAction(() => transferApi.accept(t.id), { invalidate, success: m.accepted, onSuccess: () => onDone?.() });
  const error = act.formError;
  const run = (work: () => Promise<unknown>, done: string) => act.run({ work, done });
  const a = t.abilities;
  if (!a.accept && !a.reject && !a.cancel && !a.receipt) return null;

  const confirmAccept = () =>
    modal.confirm({
      title: m.accept,
      content: m.acceptConfirm(t.memberName, t.toOrg?.name ?? ''),
      okText: m.accept,
      cancelText: '取消',
      onOk: () => accept.mutateAsync().catch(() => undefined),
    });
  const open = (d: Dialog) => {
    act.setFormError(null);
    form.resetFields();
    if (d === 'receipt') form.setFieldsValue({ receivedOn: dayjs(today()) });
    setDialog(d);
  };
  const submit = (v: { reason?: string; receivedOn?: Dayjs }) => {
    if (dialog === 'reject') run(() => transferApi.reject(t.id, v.reason!.trim()), m.rejected);
    if (dialog === 'cancel') run(() => transferApi.cancel(t.id, v.reason!.trim()), m.cancelled);
    if (dialog === 'receipt') run(() => transferApi.receipt(t.id, v.receivedOn!.format('YYYY-MM-DD')), m.receiptRecorded);
  };
  const titles = {
    reject: t.direction === 'out' ? m.rejectOutTitle : m.rejectTitle,
    cancel: m.cancelTitle,
    receipt: m.receiptTitle,
  };

  return (
    <>
      <Space wrap size={4}>
        {a.accept && (
          <Button type="primary" size="small" onClick={confirmAccept} data-testid="transfer-accept">
            {m.accept}
          </Button>
        )}
        {a.receipt && (
          <Button type="primary" size="small" onClick={() => open('receipt')} data-testid="transfer-receipt">
            {m.receipt}
          </Button>
        )}
        {a.reject && (
          <Button size="small" danger onClick={() => open('reject')} data-testid="transfer-reject">
            {t.direction === 'out' ? m.rejectOut : m.reject}
          </Button>
        )}
        {a.cancel && (
          <Button size="small" onClick={() => open('cancel')} data-testid="transfer-cancel">
            {m.cancel}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={act.busy}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {dialog === 'receipt' ? (
            <Form.Item
              name="receivedOn"
              label={m.receiptOn}
              extra={m.receiptHelp}
              rules={[{ required: true, message: m.receiptRequired }]}
            >
              <DatePicker
                format="YYYY-MM-DD"
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > today() || d.format('YYYY-MM-DD') < t.issuedOn}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="reason"
              label={dialog === 'reject' ? m.rejectReason : m.cancelReason}
              rules={[{ required: true, whitespace: true, min: 2, message: m.reasonRequired }]}
            >
              <Input.TextArea
                rows={3}
                maxLength={200}
                showCount
                placeholder={dialog === 'reject' ? m.rejectPlaceholder : m.cancelPlaceholder}
                data-testid="transfer-reason"
              />
            </Form.Item>
          )}
          {error && <div style={{ color: '#ff4d4f' }}>{error}</div>}
        </Form>
      </Modal>
    </>
  );
}
