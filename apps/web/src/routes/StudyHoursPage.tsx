import type { OrgStudyHours } from '@tongxin/contracts';
import { Alert, Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { useOrgStudyHours } from '../features/my/api';
import { myMessages } from '../features/my/messages';

const m = myMessages.studyHoursPage;
type Row = OrgStudyHours['items'][number];

/** A branch's members' study hours, in name order, as information (never sorted or ranked by hours). */
export default function StudyHoursPage() {
  const { data: me } = useMe();
  const orgs = (me?.grants ?? []).filter((g) => (g.role === 'committee_admin' || g.role === 'secretary') && g.orgId);
  const [orgId, setOrgId] = useState<string | null>(orgs[0]?.orgId ?? null);
  const [page, setPage] = useState(1);
  const hours = useOrgStudyHours(orgId, page);
  return (
    <>
      <PageHeader title={m.title}>
        <Select
          style={{ minWidth: 220 }}
          value={orgId ?? undefined}
          onChange={(v) => {
            setOrgId(v);
            setPage(1);
          }}
          options={orgs.map((g) => ({ value: g.orgId as string, label: g.orgName }))}
        />
      </PageHeader>
      <Alert type="info" showIcon title={m.hint} style={{ marginBottom: 16 }} />
      {hours.error && <Alert type="error" showIcon title={hours.error.message} />}
      <Table<Row>
        rowKey="memberId"
        size="small"
        loading={hours.isPending && !!orgId}
        dataSource={hours.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: hours.data?.total ?? 0, onChange: setPage, showTotal: m.total }}
        columns={[
          { key: 'name', title: m.col.name, render: (_, r) => (r.linked ? r.name : `${r.name}${m.notLinked}`) },
          { key: 'org', title: m.col.org, dataIndex: 'orgName' },
          { key: 'hours', title: m.col.hours, width: 90, dataIndex: 'hours' },
          { key: 'target', title: m.col.target, width: 100, dataIndex: 'target' },
        ]}
      />
      {hours.data && (
        <Card size="small" title={m.rules} style={{ marginTop: 16 }}>
          {hours.data.rules.map((r) => (
            <Typography.Paragraph key={r.label} style={{ margin: 0 }}>
              {r.label}：{r.text}
            </Typography.Paragraph>
          ))}
        </Card>
      )}
    </>
  );
}
