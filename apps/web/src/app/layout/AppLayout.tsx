import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DesktopOutlined,
  FileProtectOutlined,
  FireOutlined,
  FlagOutlined,
  FundOutlined,
  HeatMapOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  MenuOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  ReadOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  StarOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import type { Me } from '@tongxin/contracts';
import { Alert, Badge, Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api';
import { useTodos } from '../../features/todos/api';
import { useIsMobile } from '../../lib/useIsMobile';
import { FullPageSpin } from '../RequireAuth';
import { layoutMessages as m } from './messages';
import { UserMenu } from './UserMenu';

function menuItems(me: Me): MenuProps['items'] {
  const a = me.abilities;
  // In the order of the work: the tree and its people, their organisational life, then enterprises.
  const entries: [boolean, string, ReactNode, string][] = [
    [!me.abilities.adminOnly, '/', <DesktopOutlined key="i" />, m.menuHome],
    [a.my, '/my', <UserOutlined key="i" />, m.menuMy],
    [a.notices, '/notices', <NotificationOutlined key="i" />, m.menuNotices],
    [a.orgTree, '/orgs', <ApartmentOutlined key="i" />, m.menuOrgs],
    [a.members, '/members', <IdcardOutlined key="i" />, m.menuMembers],
    [a.members, '/members/health', <MedicineBoxOutlined key="i" />, m.menuLedgerCheck],
    [a.meetings, '/meetings', <CalendarOutlined key="i" />, m.menuMeetings],
    [a.meetings, '/meetings/compliance', <HeatMapOutlined key="i" />, m.menuMeetingCompliance],
    [a.appraisals, '/appraisals', <SolutionOutlined key="i" />, m.menuAppraisals],
    [a.ratings, '/ratings', <StarOutlined key="i" />, m.menuRatings],
    [a.development, '/development', <RiseOutlined key="i" />, m.menuDevelopment],
    [a.dues, '/dues', <MoneyCollectOutlined key="i" />, m.menuDues],
    [a.transfers, '/transfers', <SwapOutlined key="i" />, m.menuTransfers],
    [a.enterprises, '/enterprises', <BankOutlined key="i" />, m.menuEnterprises],
    [a.coverage, '/coverage', <FundOutlined key="i" />, m.menuCoverage],
    [a.instructorWork, '/instructor-work', <SolutionOutlined key="i" />, m.menuInstructorWork],
    [a.serviceQueue, '/services', <CustomerServiceOutlined key="i" />, m.menuServices],
    [a.serviceRaise, '/services/mine', <CustomerServiceOutlined key="i" />, m.menuMyServices],
    [a.manageGovernance, '/governance/events', <FireOutlined key="i" />, m.menuGovernanceEvents],
    [a.governance && !a.manageGovernance, '/governance/tasks', <ShareAltOutlined key="i" />, m.menuGovernanceTasks],
    [a.governance, '/governance/media', <WechatOutlined key="i" />, m.menuGovernanceMedia],
    [a.governance, '/governance/pledges', <FileProtectOutlined key="i" />, m.menuGovernancePledges],
    [a.governance, '/governance/rumours', <SafetyCertificateOutlined key="i" />, m.menuGovernanceRumours],
    [a.accounts || a.grants, '/admin/accounts', <TeamOutlined key="i" />, m.menuAccounts],
    [a.audit, '/admin/audit', <AuditOutlined key="i" />, m.menuAudit],
    [a.events, '/events', <FlagOutlined key="i" />, m.menuEvents],
    [a.studyHours, '/study-hours', <ReadOutlined key="i" />, m.menuStudyHours],
  ];
  return entries.filter(([shown]) => shown).map(([, key, icon, label]) => ({ key, icon, label }));
}

export default function AppLayout() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const business = !!me && !me.abilities.adminOnly;
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
