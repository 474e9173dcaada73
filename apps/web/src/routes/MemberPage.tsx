import { EditOutlined, EyeOutlined, InboxOutlined } from '@ant-design/icons';
import { ARCHIVE_REASON_LABELS, MOBILITY_LABELS } from '@tongxin/contracts/labels';
import { Alert, Breadcrumb, Button, Card, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../features/auth/api';
import { useMember } from '../features/members/api';
import { MemberProfile } from '../features/members/MemberProfile';
import { MemberStatusTag } from '../features/members/MemberStatusTag';
import { MemberTimeline } from '../features/members/MemberTimeline';
import { MOBILITY_COLORS, memberMessages as m } from '../features/members/messages';
import { isApiError } from '../lib/api';
import { useIsMobile } from '../lib/useIsMobile';

// The drawers and modals load when first opened.
const MemberFormDrawer = lazy(() =>
  import('../features/members/MemberFormDrawer').then((x) => ({ default: x.MemberFormDrawer })),
);
const RevealModal = lazy(() => import('../features/members/RevealModal').then((x) => ({ default: x.RevealModal })));
const ArchiveModal = lazy(() => import('../features/members/ArchiveModal').then((x) => ({ default: x.ArchiveModal })));

type Open = 'edit' | 'reveal' | 'archive' | null;

export default function MemberPage() {
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const member = useMember(id);
  const [open, setOpen] = useState<Open>(null);

  if (member.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (member.error) {
    const missing = isApiError(member.error) && [400, 403, 404].includes(member.error.status);
    return (
      <Card>
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? m.notFoundTitle : member.error.message}
          subTitle={missing ? m.notFoundText : undefined}
          extra={
            <Link to="/members">
              <Button type="primary">{m.backToList}</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  const r = member.data;
  const orgLinks = me?.abilities.orgTree ?? false;

  return (
    <div style={{ display: 'grid', gap: mobile ? 8 : 16 }}>
      <Card>
        <Breadcrumb
          items={[
            { key: 'members', title: <Link to="/members">{m.title}</Link> },
            ...r.path.map((p) => ({
              key: p.id,
              title: orgLinks ? <Link to={`/orgs/${p.id}`}>{p.name}</Link> : p.name,
            })),
          ]}
          data-testid="member-org-path"
        />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginTop: 12, marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-name">
            {r.name}
          </Typography.Title>
          <Space size={4} wrap>
            <MemberStatusTag status={r.status} />
            {r.mobility !== 'regular' && <Tag color={MOBILITY_COLORS[r.mobility]}>{MOBILITY_LABELS[r.mobility]}</Tag>}
            {r.archivedAt && <Tag>{m.archivedTag}</Tag>}
          </Space>
          <div style={{ flex: 1 }} />
          <Space wrap size={8}>
            {r.abilities.reveal && (
              <Button icon={<EyeOutlined />} onClick={() => setOpen('reveal')} data-testid="reveal-member">
                {m.reveal}
              </Button>
            )}
            {r.abilities.manage && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setOpen('edit')} data-testid="edit-member">
                {m.edit}
              </Button>
            )}
            {r.abilities.manage && (
              <Button danger icon={<InboxOutlined />} onClick={() => setOpen('archive')} data-testid="archive-member">
                {m.archive}
              </Button>
            )}
          </Space>
        </div>
        {r.archivedAt && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={m.archivedNotice(r.archiveReason ? ARCHIVE_REASON_LABELS[r.archiveReason] : m.archivedTag)}
          />
        )}
        <MemberProfile member={r} mobile={mobile} />
      </Card>
      <Card title={m.timeline}>
        <MemberTimeline memberId={r.id} />
      </Card>
      <Suspense fallback={null}>
        {open === 'edit' && <MemberFormDrawer member={r} onClose={() => setOpen(null)} onSaved={() => setOpen(null)} />}
        {open === 'reveal' && <RevealModal memberId={r.id} name={r.name} onClose={() => setOpen(null)} />}
        {open === 'archive' && <ArchiveModal memberId={r.id} name={r.name} onClose={() => setOpen(null)} />}
      </Suspense>
    </div>
  );
}
