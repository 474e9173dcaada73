import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  DesktopOutlined,
  FundOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  MenuOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  RiseOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Me } from '@tongxin/contracts';
import { Alert, Badge, Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api';
import { useTodos } from '../../features/todos/api';
import { isAdminOnly } from '../../lib/roles';
import { useIsMobile } from '../../lib/useIsMobile';
import { FullPageSpin } from '../RequireAuth';
import { layoutMessages as m } from './messages';
import { UserMenu } from './UserMenu';

function menuItems(me: Me): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [];
  if (!isAdminOnly(me)) items.push({ key: '/', icon: <DesktopOutlined />, label: m.menuHome });
  if (me.abilities.notices) items.push({ key: '/notices', icon: <NotificationOutlined />, label: m.menuNotices });
  if (me.abilities.orgTree) items.push({ key: '/orgs', icon: <ApartmentOutlined />, label: m.menuOrgs });
  if (me.abilities.members) items.push({ key: '/members', icon: <IdcardOutlined />, label: m.menuMembers });
  if (me.abilities.members) items.push({ key: '/members/health', icon: <MedicineBoxOutlined />, label: m.menuLedgerCheck });
  if (me.abilities.transfers) items.push({ key: '/transfers', icon: <SwapOutlined />, label: m.menuTransfers });
  if (me.abilities.dues) items.push({ key: '/dues', icon: <MoneyCollectOutlined />, label: m.menuDues });
  if (me.abilities.enterprises) items.push({ key: '/enterprises', icon: <BankOutlined />, label: m.menuEnterprises });
  if (me.abilities.coverage) items.push({ key: '/coverage', icon: <FundOutlined />, label: m.menuCoverage });
  if (me.abilities.instructorWork)
    items.push({ key: '/instructor-work', icon: <SolutionOutlined />, label: m.menuInstructorWork });
  if (me.abilities.appraisals) items.push({ key: '/appraisals', icon: <SolutionOutlined />, label: m.menuAppraisals });
  if (me.abilities.development) items.push({ key: '/development', icon: <RiseOutlined />, label: m.menuDevelopment });
  if (me.abilities.serviceQueue) items.push({ key: '/services', icon: <CustomerServiceOutlined />, label: m.menuServices });
  if (me.abilities.serviceRaise)
    items.push({ key: '/services/mine', icon: <CustomerServiceOutlined />, label: m.menuMyServices });
  if (me.abilities.accounts || me.abilities.grants)
    items.push({ key: '/admin/accounts', icon: <TeamOutlined />, label: m.menuAccounts });
  if (me.abilities.audit) items.push({ key: '/admin/audit', icon: <AuditOutlined />, label: m.menuAudit });
  return items;
}

export default function AppLayout() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const business = !!me && !isAdminOnly(me);
  const todos = useTodos(business);
  if (!me) return null;
  const items = menuItems(me);
  // The longest key the path starts with: /members/health lights up 台账体检, not 党员名册 as well.
  const selected = location.pathname === '/' ? ['/'] : [longestPrefix(items, location.pathname)];
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: mobile ? 8 : 24,
          background: '#c8161d',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {mobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            style={{ color: '#fff' }}
            aria-label={m.menuOpen}
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Link to="/" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          <span style={{ fontSize: 22, fontWeight: 700, letterSpacing: 4 }}>{m.productName}</span>
          {!mobile && <span style={{ marginInlineStart: 12, opacity: 0.85 }}>{m.productSubtitle}</span>}
        </Link>
        <div style={{ flex: 1 }} />
        {business && (
          <Link to="/" aria-label={m.todoBell} title={m.todoBell} data-testid="todo-bell" style={{ display: 'flex', padding: 4 }}>
            <Badge count={todos.data?.total ?? 0} size="small" overflowCount={99} color="#faad14">
              <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
            </Badge>
          </Link>
        )}
        <UserMenu me={me} compact={mobile} />
      </Layout.Header>
      {me.demo && <Alert type="warning" banner title={mobile ? m.demoBannerShort : m.demoBanner} data-testid="demo-banner" />}
      <Layout>
        {!mobile && (
          <Layout.Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: mobile ? 8 : 16, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer placement="left" open={menuOpen} onClose={() => setMenuOpen(false)} size={240} title={m.productName}>
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}

function longestPrefix(items: MenuProps['items'], pathname: string): string {
  const keys = (items ?? []).map((i) => String(i?.key ?? '')).filter((k) => k !== '/' && pathname.startsWith(k));
  return keys.sort((a, b) => b.length - a.length)[0] ?? '';
}
