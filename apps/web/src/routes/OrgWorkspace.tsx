import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Card, Drawer } from 'antd';
import { useState } from 'react';
import { Outlet, useNavigate, useParams } from 'react-router';
import { useOrg, useOrgRoots } from '../features/orgs/api';
import { orgMessages as m } from '../features/orgs/messages';
import { OrgSearch } from '../features/orgs/OrgSearch';
import { OrgTree } from '../features/orgs/OrgTree';
import { TermReminderCard } from '../features/orgs/TermReminderCard';
import { useIsMobile } from '../lib/useIsMobile';

/** Org pages: the tree (a drawer on phones) on the left, the selected org on the right. */
export default function OrgWorkspace() {
  const { id } = useParams();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState(false);
  const org = useOrg(id ?? '');
  const roots = useOrgRoots();
  const ancestors = id && org.data ? org.data.path.slice(0, -1).map((p) => p.id) : [];
  const atRoot = !!id && !!roots.data?.some((r) => r.id === id);

  const pick = (next: string) => {
    setDrawer(false);
    navigate(`/orgs/${next}`);
  };
  const panel = (
    <OrgSearch onPick={pick}>
      <OrgTree selectedId={id} expandTo={ancestors} onSelect={pick} />
    </OrgSearch>
  );

  // One element tree for both widths: turning a tablet must not remount the page (and lose an open form).
  return (
    <div style={mobile ? undefined : { display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      {mobile ? (
        <div>
          <Button
            icon={<ApartmentOutlined />}
            onClick={() => setDrawer(true)}
            style={{ marginBottom: 8 }}
            data-testid="open-org-tree"
          >
            {m.openTree}
          </Button>
          <Drawer placement="left" open={drawer} onClose={() => setDrawer(false)} title={m.treeTitle} size="85%">
            {panel}
          </Drawer>
        </div>
      ) : (
        <Card
          size="small"
          title={m.treeTitle}
          style={{ width: 320, flex: 'none', position: 'sticky', top: 80 }}
          styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflow: 'auto' } }}
          data-testid="org-tree-panel"
        >
          {panel}
        </Card>
      )}
      <div style={{ flex: 1, minWidth: 0 }}>
        {atRoot && <TermReminderCard />}
        <Outlet />
      </div>
    </div>
  );
}
