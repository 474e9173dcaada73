import type { AttachmentInfo } from '@tongxin/contracts';
import { NOTICE_ROLE_LABELS, NOTICE_ROLES, type NoticeRole } from '@tongxin/contracts/labels';
import { Checkbox, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormDrawer } from '../../components/FormDrawer';
import { isApiError } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';
import { useAction } from '../../lib/useAction';
import { useDebounced } from '../../lib/useDebounced';
import { useMe } from '../auth/api';
import { noticeApi, useNoticeTargets } from './api';
import { noticeMessages as m } from './messages';

interface Values {
  senderOrgId: string;
  title: string;
  body: string;
  targetIds: string[];
  subtree: boolean;
  roles: NoticeRole[];
  attachments: AttachmentInfo[];
}

/** 发送通知: a committee writes to orgs in its subtree (optionally only some roles there), with attachments. */
export function ComposeNoticeDrawer({ onClose, onSent }: { onClose: () => void; onSent: (id: string) => void }) {
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const senders = (me?.grants ?? []).filter((g) => g.role === 'committee_admin' && g.orgId);
  const senderOrgId = Form.useWatch('senderOrgId', form) ?? null;
  const [q, setQ] = useState('');
  const targets = useNoticeTargets(senderOrgId, useDebounced(q));
  const [names, setNames] = useState<Record<string, string>>({});
  const send = useAction(
    (v: Values) =>
      noticeApi.send({
        senderOrgId: v.senderOrgId,
        title: v.title,
        body: v.body,
        targets: v.targetIds.map((orgId) => ({ orgId, subtree: v.subtree })),
        roles: v.roles.length ? v.roles : null,
        attachmentIds: (v.attachments ?? []).map((a) => a.id),
      }),
    {
      inline: true,
      success: m.sent,
      onSuccess: ({ id }) => onSent(id),
      // The picker holds org ids while the API takes {orgId, subtree} targets: their messages go under the picker.
      onError: (e) => {
        const rest = applyServerErrors(form, e, ['senderOrgId', 'title', 'body', 'roles', 'attachmentIds']);
        const targetsError = isApiError(e) ? e.fields.find((f) => f.path.startsWith('targets')) : undefined;
        if (targetsError) form.setFields([{ name: 'targetIds', errors: [targetsError.message] }]);
        send.setFormError(targetsError && rest === targetsError.message ? null : rest);
      },
    },
  );
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) send.run(v);
  };

  return (
    <FormDrawer
      title={m.composeTitle}
      width={640}
      busy={send.busy}
      error={send.formError}
      submitText={m.send}
      submitTestId="notice-send"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ senderOrgId: senders[0]?.orgId ?? undefined, subtree: true, roles: [], targetIds: [], attachments: [] }}
        onValuesChange={(changed) => {
          if ('senderOrgId' in changed) form.setFieldsValue({ targetIds: [], attachments: [] });
        }}
      >
        <Form.Item
          name="senderOrgId"
          label={m.form.sender}
          extra={m.form.senderHint}
          rules={[{ required: true, message: m.form.pickSender }]}
        >
          <Select data-testid="notice-sender" options={senders.map((g) => ({ value: g.orgId!, label: g.orgName ?? '' }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={m.form.title}
          rules={[
            { required: true, min: 2, message: '标题至少2个字' },
            { max: 80, message: '标题不能超过80个字' },
          ]}
        >
          <Input placeholder={m.form.titlePlaceholder} maxLength={80} showCount data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="body" label={m.form.body} rules={[{ required: true, whitespace: true, message: '请填写正文' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount placeholder={m.form.bodyPlaceholder} data-testid="notice-body" />
        </Form.Item>
        <Form.Item
          name="targetIds"
          label={m.form.targets}
          rules={[{ required: true, type: 'array', min: 1, message: m.form.pickTargets }]}
        >
          <Select
            mode="multiple"
            data-testid="notice-targets"
            placeholder={m.form.targetsPlaceholder}
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={targets.isFetching}
            onChange={(ids: string[]) => {
              const found = targets.data ?? [];
              setNames((prev) => ({
                ...prev,
                ...Object.fromEntries(found.filter((t) => ids.includes(t.id)).map((t) => [t.id, t.name])),
              }));
            }}
            options={[
              ...(targets.data ?? []).map((t) => ({ value: t.id, label: t.name })),
              ...Object.entries(names)
                .filter(([id]) => !(targets.data ?? []).some((t) => t.id === id))
                .map(([id, name]) => ({ value: id, label: name })),
            ]}
          />
        </Form.Item>
        <Form.Item name="subtree" label={m.form.subtree} valuePropName="checked">
          <Switch data-testid="notice-subtree" />
        </Form.Item>
        <Form.Item name="roles" label={m.form.roles} extra={m.form.rolesHint}>
          <Checkbox.Group
            options={NOTICE_ROLES.map((r) => ({ value: r, label: NOTICE_ROLE_LABELS[r] }))}
            data-testid="notice-roles"
          />
        </Form.Item>
        {senderOrgId && (
          <Form.Item name="attachments" label={m.form.attachments} extra={m.form.attachmentsHint}>
            <AttachmentUpload
              use="notice"
              orgId={senderOrgId}
              accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
              maxMb={20}
              max={10}
              testId="notice-attachments"
            />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
