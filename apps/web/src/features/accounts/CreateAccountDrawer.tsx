import { Alert, Button, Drawer, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../lib/forms';
import { useIsMobile } from '../../lib/useIsMobile';
import { OrgPicker } from '../orgs/OrgPicker';
import { accountApi, useInvalidateAccounts } from './api';
import { accountMessages as m } from './messages';
import type { Secret } from './SecretModal';

interface Values {
  username: string;
  displayName: string;
  homeOrgId?: string | null;
}

export function CreateAccountDrawer({
  orgRequired,
  onClose,
  onCreated,
}: {
  /** Committee admins create accounts inside their tree; only the system admin may leave the org empty. */
  orgRequired: boolean;
  onClose: () => void;
  onCreated: (secret: Secret) => void;
}) {
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invalidate = useInvalidateAccounts();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const res = await accountApi.create({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        homeOrgId: v.homeOrgId ?? null,
      });
      await invalidate();
      onCreated({ title: m.initialPasswordTitle, label: m.passwordFor(res.account.displayName), password: res.initialPassword });
    } catch (e) {
      setError(applyServerErrors(form, e, ['username', 'displayName', 'homeOrgId']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      title={m.createTitle}
      size={mobile ? '100%' : 480}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="create-account-submit">
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="username"
          label={m.username}
          extra={m.usernameRule}
          rules={[
            { required: true, whitespace: true, message: m.usernameRequired },
            { min: 3, message: '用户名至少3个字符' },
            { max: 32, message: '用户名不能超过32个字符' },
            { pattern: /^[A-Za-z0-9_.@-]+$/, message: '用户名只能包含字母、数字和 _ . @ -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={m.displayName}
          rules={[{ required: true, whitespace: true, message: m.displayNameRequired }]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="homeOrgId"
          label={m.homeOrg}
          extra={m.homeOrgHelp}
          rules={orgRequired ? [{ required: true, message: m.homeOrgRequired }] : []}
        >
          <OrgPicker allowClear={!orgRequired} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
