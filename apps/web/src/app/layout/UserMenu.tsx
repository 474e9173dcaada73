import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@tongxin/contracts';
import { ROLE_LABELS } from '@tongxin/contracts/labels';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { logout } from '../../features/auth/api';
import { setCsrfToken } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { layoutMessages as m } from './messages';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useAction(
    // Signed out already (expired session): nothing left to end, so a failure is no failure here.
    () => logout().catch(() => undefined),
    {
      success: m.loggedOut,
      onSuccess: () => {
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(['me'], null);
        navigate('/login', { replace: true });
      },
    },
  );
  return () => signOut.mutateAsync();
}

export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const roles = [...new Set(me.grants.map((g) => ROLE_LABELS[g.role]))].join('、');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: roles || me.user.username, disabled: true },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: m.changePassword, onClick: () => navigate('/change-password') },
          { key: 'logout', icon: <LogoutOutlined />, label: m.logout, danger: true, onClick: () => void signOut() },
        ],
      }}
    >
      <Button type="text" style={{ color: '#fff' }} aria-label="用户菜单" data-testid="user-menu">
        <UserOutlined />
        {!compact && <span style={{ marginInline: 4 }}>{me.user.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
