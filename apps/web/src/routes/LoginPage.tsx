import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageSpin } from '../app/RequireAuth';
import { AuthShell } from '../features/auth/AuthShell';
import { fetchMe, login, meKey, mustChangeCredentials, useMe } from '../features/auth/api';
import { authMessages as m } from '../features/auth/messages';
import { isApiError } from '../lib/api';
import { useAction } from '../lib/useAction';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useAction(
    async (values: LoginValues) => {
      await login(values);
      queryClient.clear();
      return queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
    },
    {
      inline: true,
      onSuccess: (fresh) =>
        navigate(fresh && mustChangeCredentials(fresh) ? '/change-password' : safeNext(params.get('next')), { replace: true }),
      onError: (e) => {
        if (!isApiError(e)) signIn.setFormError('登录失败，请稍后重试');
      },
    },
  );
  const error = signIn.formError;
  const busy = signIn.busy;

  if (isPending) return <FullPageSpin />;
  if (me) return <Navigate to={mustChangeCredentials(me) ? '/change-password' : safeNext(params.get('next'))} replace />;

  return (
    <AuthShell title={m.loginTitle}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<LoginValues> layout="vertical" onFinish={signIn.run} requiredMark={false} autoComplete="on">
        <Form.Item name="username" label={m.username} rules={[{ required: true, message: m.usernameRequired }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={m.password} rules={[{ required: true, message: m.passwordRequired }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {busy ? m.signingIn : m.signIn}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        {m.loginHint}
      </Typography.Paragraph>
    </AuthShell>
  );
}
