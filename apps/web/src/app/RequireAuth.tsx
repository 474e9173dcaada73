import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { mustChangeCredentials, useMe } from '../features/auth/api';

/** Signed-out users go to sign-in; users who must change their credentials go nowhere else first. */
export function RequireAuth({ children, pending = false }: { children: ReactNode; pending?: boolean }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error)
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={error.message}
        extra={<Button onClick={() => refetch()}>重试</Button>}
      />
    );
  if (!me) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (!pending && mustChangeCredentials(me)) return <Navigate to="/change-password" replace />;
  return children;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}
