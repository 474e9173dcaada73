import { Alert, Button, Form, Input, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useSignOut } from '../app/layout/UserMenu';
import { AuthShell } from '../features/auth/AuthShell';
import { changePassword, meKey, mustChangeCredentials, useMe } from '../features/auth/api';
import { authMessages as m } from '../features/auth/messages';
import { useAction } from '../lib/useAction';

interface Values {
  currentPassword: string;
  newUsername?: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const change = useAction(
    (values: Values) =>
      changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
        ...(me?.user.mustChangeUsername ? { newUsername: values.newUsername } : {}),
      }),
    {
      form,
      fields: ['currentPassword', 'newUsername', 'newPassword'],
      invalidate: [meKey],
      success: m.changed,
      onSuccess: () => navigate('/', { replace: true }),
    },
  );
  const error = change.formError;
  if (!me) return null;
  const forced = mustChangeCredentials(me);
  const needUsername = me.user.mustChangeUsername;

  return (
    <AuthShell title={m.changeTitle}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={m.changeForcedIntro}
          description={needUsername ? m.changeUsernameIntro : undefined}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={change.run} requiredMark={false}>
        {/* Lets password managers pair the new password with the account. */}
        <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
        <Form.Item name="currentPassword" label={m.currentPassword} rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {needUsername && (
          <Form.Item
            name="newUsername"
            label={m.newUsername}
            extra={m.newUsernameHelp}
            rules={[
              { required: true, message: '请填写新用户名' },
              { min: 3, message: '用户名至少3个字符' },
              { max: 32, message: '用户名不能超过32个字符' },
              { pattern: /^[A-Za-z0-9_.@-]+$/, message: '用户名只能包含字母、数字和 _ . @ -' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="newPassword"
          label={m.newPassword}
          extra={m.passwordRules}
          rules={[
            { required: true, message: '请填写新密码' },
            { min: 8, message: '密码长度不能少于8位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={m.confirmPassword}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: m.confirmRequired },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(m.confirmMismatch)),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={change.busy}>
            {m.submitChange}
          </Button>
          {forced ? (
            <Button block type="link" onClick={() => void signOut()}>
              {m.logout}
            </Button>
          ) : (
            <Button block onClick={() => navigate(-1)}>
              {m.backToApp}
            </Button>
          )}
        </Space>
      </Form>
    </AuthShell>
  );
}
