import { DownOutlined } from '@ant-design/icons';
import type { OrgDetail } from '@tongxin/contracts';
import { Button, Dropdown, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useIsMobile } from '../../lib/useIsMobile';
import { orgMessages as m } from './messages';
import type { OrgAction } from './OrgActionModal';

const OrgActionModal = lazy(() => import('./OrgActionModal').then((x) => ({ default: x.OrgActionModal })));

/** 更名 / 调整隶属 / 合并 / 撤销, offered only when the server says the user may manage the org. */
export function OrgActions({ org }: { org: OrgDetail }) {
  const mobile = useIsMobile();
  const [action, setAction] = useState<OrgAction | null>(null);
  const isTop = org.parentId === null;
  const actions: { key: OrgAction; label: string; danger?: boolean }[] = [
    { key: 'rename', label: m.rename },
    ...(isTop
      ? []
      : [
          { key: 'move' as const, label: m.move },
          { key: 'merge' as const, label: m.merge },
          { key: 'dissolve' as const, label: m.dissolve, danger: true },
        ]),
  ];
  return (
    <>
      {mobile ? (
        <Dropdown trigger={['click']} menu={{ items: actions.map((a) => ({ ...a, onClick: () => setAction(a.key) })) }}>
          <Button>
            {m.more} <DownOutlined />
          </Button>
        </Dropdown>
      ) : (
        <Space wrap>
          {actions.map((a) => (
            <Button key={a.key} danger={a.danger} onClick={() => setAction(a.key)}>
              {a.label}
            </Button>
          ))}
        </Space>
      )}
      {action && (
        <Suspense>
          <OrgActionModal org={org} action={action} onClose={() => setAction(null)} />
        </Suspense>
      )}
    </>
  );
}
