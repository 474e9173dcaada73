import { EditOutlined } from '@ant-design/icons';
import type { OrgDetail } from '@tongxin/contracts';
import { COMMITTEE_DUTY_LABELS } from '@tongxin/contracts/labels';
import { Button, Descriptions, Empty, Table } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { formatDate } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { orgMessages as m } from './messages';

// Forms and date pickers load only when a form is opened, keeping the first screen light.
const CommitteeDrawer = lazy(() => import('./CommitteeDrawer').then((x) => ({ default: x.CommitteeDrawer })));

export function CommitteeTab({ org }: { org: OrgDetail }) {
  const mobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const committee = org.committee;
  const canEdit = org.abilities.manageCommittee && org.status === 'active';
  const editButton = canEdit && (
    <Button type={committee ? 'default' : 'primary'} icon={<EditOutlined />} onClick={() => setEditing(true)}>
      {committee ? m.editCommittee : m.setCommittee}
    </Button>
  );

  return (
    <div>
      {!committee ? (
        <Empty description={canEdit ? m.committeeEmpty : m.committeeEmptyReadonly}>{editButton}</Empty>
      ) : (
        <>
          <Descriptions
            size="small"
            bordered
            column={mobile ? 1 : 3}
            items={[
              { key: 'start', label: m.termStart, children: committee.termStart },
              { key: 'end', label: m.termEnd, children: committee.termEnd },
              { key: 'elected', label: m.electedOn, children: formatDate(committee.electedOn) },
            ]}
          />
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey={(r) => `${r.duty}-${r.name}`}
            pagination={false}
            dataSource={committee.members}
            columns={[
              {
                title: m.duty,
                dataIndex: 'duty',
                width: 140,
                render: (d: keyof typeof COMMITTEE_DUTY_LABELS) => COMMITTEE_DUTY_LABELS[d],
              },
              { title: m.memberName, dataIndex: 'name' },
            ]}
          />
          {editButton && <div style={{ marginTop: 16 }}>{editButton}</div>}
        </>
      )}
      {editing && (
        <Suspense>
          <CommitteeDrawer org={org} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </div>
  );
}
