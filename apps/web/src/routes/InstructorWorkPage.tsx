import { PlusOutlined } from '@ant-design/icons';
import { INSTRUCTOR_LOG_KIND_LABELS } from '@tongxin/contracts/labels';
import { Alert, Badge, Button, Card, Empty, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ItemRows } from '../components/ItemRows';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { useCandidates, useInstructorWork } from '../features/enterprises/api';
import { AssignmentLine } from '../features/enterprises/EnterpriseInstructors';
import { LogDrawer } from '../features/enterprises/LogDrawer';
import { useIsMobile } from '../lib/useIsMobile';

const m = {
  title: '指导员工作',
  assignments: '在任选派',
  all: '全部',
  overdue: '走访逾期',
  logs: '工作记录',
  addLog: '记录工作',
  emptyAssignments: '目前没有在任的党建指导员选派。在企业详情页可以选派指导员。',
  emptyMine: '您目前没有被选派到企业。',
  emptyOverdue: '没有走访逾期的企业。',
  emptyLogs: '还没有工作记录。走访、谈心谈话或帮扶后，点“记录工作”记下来。',
  cadence: '默认每季度至少联系一次：超过下次应联系日期即为逾期。',
};

/** The instructors' work: running assignments with when each enterprise is next due, and the log, newest first. */
export default function InstructorWorkPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const overdueOnly = params.get('overdue') === '1';
  const page = Number(params.get('page') ?? 1) || 1;
  const instructorId = params.get('instructor') ?? undefined;
  const enterpriseId = params.get('enterprise') ?? undefined;
  const work = useInstructorWork({
    ...(instructorId ? { instructorId } : {}),
    ...(enterpriseId ? { enterpriseId } : {}),
    overdueOnly,
    page,
    pageSize: 20,
  });
  const canPick = Boolean(me?.abilities.manageEnterprises);
  const instructors = useCandidates('instructor', '', canPick);
  const go = (next: { overdue?: boolean; instructor?: string | undefined; enterprise?: string | undefined; page?: number }) => {
    const merged = { overdue: overdueOnly, instructor: instructorId, enterprise: enterpriseId, page: 1, ...next };
    const out: Record<string, string> = {};
    if (merged.enterprise) out.enterprise = merged.enterprise;
    if (merged.overdue) out.overdue = '1';
    if (merged.instructor) out.instructor = merged.instructor;
    if (merged.page > 1) out.page = String(merged.page);
    setParams(out);
  };
  const [logging, setLogging] = useState(false);
  if (!me) return null;
  const d = work.data;
  const mine = (d?.assignments ?? []).filter((a) => a.instructorId === me.user.id);
  const canLog = me.abilities.logInstructorWork;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader title={m.title}>
          {canLog && mine.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="work-log-open">
              {m.addLog}
            </Button>
          )}
        </PageHeader>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {m.cadence}
        </Typography.Paragraph>
        {work.error && <Alert type="error" showIcon title={work.error.message} />}
        <Segmented
          value={overdueOnly ? 'overdue' : 'all'}
          onChange={(v) => go({ overdue: v === 'overdue' })}
          options={[
            { value: 'all', label: m.all },
            {
              value: 'overdue',
              label: (
                <Space size={4}>
                  {m.overdue}
                  {d?.overdueCount ? <Badge count={d.overdueCount} size="small" /> : null}
                </Space>
              ),
            },
          ]}
          style={{ marginBottom: 12, marginInlineEnd: 12 }}
        />
        {enterpriseId && (
          <Tag
            closable
            onClose={() => go({ enterprise: undefined })}
            style={{ marginBottom: 12 }}
            data-testid="work-enterprise-filter"
          >
            企业：{d?.logs[0]?.enterpriseName ?? d?.assignments[0]?.enterpriseName ?? '所选企业'}
          </Tag>
        )}
        {canPick && (
          <Select
            allowClear
            placeholder="全部指导员"
            value={instructorId}
            onChange={(v: string | undefined) => go({ instructor: v })}
            options={(instructors.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
            style={{ width: mobile ? '100%' : 180, marginBottom: 12 }}
            data-testid="work-instructor-filter"
          />
        )}
        <div data-testid="work-assignments">
          {work.isFetching && !d ? (
            <Card size="small" loading variant="borderless" />
          ) : (
            <ItemRows
              empty={<Empty description={overdueOnly ? m.emptyOverdue : canLog ? m.emptyMine : m.emptyAssignments} />}
              rows={(d?.assignments ?? []).map((a) => ({
                key: a.id,
                title: <AssignmentLine a={a} showEnterprise />,
                description: a.instructorId !== me.user.id ? `指导员：${a.instructorName}` : undefined,
                extra: <Link to={`/enterprises/${a.enterpriseId}`}>查看企业</Link>,
              }))}
            />
          )}
        </div>
      </Card>
      <Card title={`${m.logs}（${d?.logTotal ?? 0}）`} size="small">
        <Table
          rowKey="id"
          size="small"
          loading={work.isFetching}
          dataSource={d?.logs ?? []}
          locale={{ emptyText: <Empty description={m.emptyLogs} /> }}
          scroll={{ x: 720 }}
          data-testid="work-logs"
          pagination={{
            current: page,
            pageSize: 20,
            total: d?.logTotal ?? 0,
            simple: mobile,
            onChange: (p) => go({ page: p }),
          }}
          columns={[
            { title: '日期', dataIndex: 'onDate', width: 110 },
            { title: '类型', key: 'kind', width: 100, render: (_, l) => <Tag>{INSTRUCTOR_LOG_KIND_LABELS[l.kind]}</Tag> },
            {
              title: '企业',
              key: 'e',
              width: 220,
              render: (_, l) => <Link to={`/enterprises/${l.enterpriseId}`}>{l.enterpriseName}</Link>,
            },
            { title: '指导员', dataIndex: 'instructorName', width: 100 },
            { title: '工作内容', dataIndex: 'notes' },
          ]}
        />
      </Card>
      {logging && (
        <LogDrawer
          enterprises={mine.map((a) => ({ id: a.enterpriseId, name: a.enterpriseName }))}
          onClose={() => setLogging(false)}
        />
      )}
    </Space>
  );
}
