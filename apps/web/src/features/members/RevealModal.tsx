import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../lib/forms';
import { useAction } from '../../lib/useAction';
import { memberApi } from './api';
import { memberMessages as m } from './messages';

interface Values {
  password: string;
  reason: string;
}

/**
 * AZ-05: the full ID number and phone after the password and a reason. What the server answers lives in this
 * component's state only (no query cache, no storage) and is gone once the modal closes.
 */
export function RevealModal({
  memberId,
  name,
  onClose,
  reveal,
}: {
  memberId: string;
  name: string;
  onClose: () => void;
  /** Another record's reveal route (a person in development); the ledger member's by default. */
  reveal?: (body: { password: string; reason: string }) => Promise<{ idNumber: string; phone: string | null }>;
}) {
  const [form] = Form.useForm<Values>();
  const [revealed, setRevealed] = useState<{ idNumber: string; phone: string | null } | null>(null);
  const show = useAction(
    (v: Values) => {
      const body = { password: v.password, reason: v.reason.trim() };
      return reveal ? reveal(body) : memberApi.reveal(memberId, body);
    },
    {
      inline: true,
      onSuccess: (shown) => {
        setRevealed(shown);
        form.resetFields();
      },
      // The password is never kept after a failed try (the reason stays); then the server's messages go under.
      onError: (e) => {
        form.setFieldValue('password', '');
        show.setFormError(applyServerErrors(form, e, ['password', 'reason']));
      },
    },
  );
  const error = show.formError;

  const close = () => {
    setRevealed(null);
    onClose();
  };

  return (
    <Modal
      open
      title={m.revealTitle}
      onCancel={close}
      destroyOnHidden
      footer={
        revealed ? (
          <Button type="primary" onClick={close} data-testid="reveal-close">
            {m.close}
          </Button>
        ) : (
          <>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={show.busy} onClick={() => form.submit()} data-testid="reveal-submit">
              {m.revealSubmit}
            </Button>
          </>
        )
      }
    >
      {revealed ? (
        <div data-testid="revealed">
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: m.field.name, children: name },
              {
                key: 'idNumber',
                label: m.field.idNumber,
                children: (
                  <Typography.Text copyable style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="revealed-id-number">
                    {revealed.idNumber}
                  </Typography.Text>
                ),
              },
              {
                key: 'phone',
                label: m.field.phone,
                children: revealed.phone ? <Typography.Text copyable>{revealed.phone}</Typography.Text> : m.none,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {m.revealedNotice}
          </Typography.Paragraph>
        </div>
      ) : (
        <>
          <Alert type="info" showIcon title={m.revealNotice} style={{ marginBottom: 16 }} />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form<Values> form={form} layout="vertical" onFinish={show.run} autoComplete="off">
            <Form.Item name="password" label={m.password} rules={[{ required: true, message: m.passwordRequired }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={m.revealReason}
              rules={[{ required: true, whitespace: true, min: 4, message: m.revealReasonRequired }]}
            >
              <Input.TextArea rows={2} maxLength={200} showCount placeholder={m.revealReasonPlaceholder} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
