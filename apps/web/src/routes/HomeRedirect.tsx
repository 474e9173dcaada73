import { Card, Result } from 'antd';
import { Navigate } from 'react-router';
import { layoutMessages as m } from '../app/layout/messages';
import { FullPageSpin } from '../app/RequireAuth';
import { useMe } from '../features/auth/api';
import { useOrgRoots } from '../features/orgs/api';
import { orgMessages } from '../features/orgs/messages';
import { adminHome } from '../lib/roles';

/** "/" and "/orgs": the user's first root org, or the admin page for 三员 accounts. */
export default function HomeRedirect({ tree = false }: { tree?: boolean }) {
  const { data: me } = useMe();
  const wantsTree = !!me && me.abilities.orgTree && (tree || !me.abilities.adminOnly);
  const roots = useOrgRoots(wantsTree);
  if (!me) return null;
  if (wantsTree) {
    if (roots.isPending) return <FullPageSpin />;
    const first = roots.data?.[0];
    if (first) return <Navigate to={`/orgs/${first.id}`} replace />;
    return (
      <Card>
        <Result status="info" title={orgMessages.treeEmpty} />
      </Card>
    );
  }
  const target = adminHome(me);
  if (target) return <Navigate to={target} replace />;
  return (
    <Card>
      <Result status="info" title={m.noAccessTitle} subTitle={m.noAccessText} />
    </Card>
  );
}
