import { ArrowLeftOutlined, CheckCircleOutlined, SyncOutlined } from '@ant-design/icons';
import type { AppraisalEntry } from '@tongxin/contracts';
import { APPRAISAL_GRADE_LABELS, APPRAISAL_STATUS_LABELS, type AppraisalGrade } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Col, Popconfirm, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ResponsiveList } from '../components/ResponsiveList';
import { appraisalApi, useAppraisal, useInvalidateAppraisals } from '../features/appraisals/api';
import { EntryDrawer } from '../features/appraisals/EntryDrawer';
import { appraisalMessages as m } from '../features/appraisals/messages';
import { formatDateTime } from '../lib/format';
import { useAction } from '../lib/useAction';
import { useIsMobile } from '../lib/useIsMobile';

const GRADE_COLORS: Record<AppraisalGrade, string> = {
  excellent: 'red',
  qualified: 'green',
  basically_qualified: 'orange',
  unqualified: 'default',
};
const gradeTag = (e: AppraisalEntry) =>
  e.grade ? (
    <Tag color={GRADE_COLORS[e.grade]}>{APPRAISAL_GRADE_LABELS[e.grade]}</Tag>
  ) : e.memberStatus === 'probationary' ? (
    <Typography.Text type="secondary">{m.noGrade}</Typography.Text>
  ) : (
    <Tag>{m.ungraded}</Tag>
  );
const filled = (v: unknown) =>
  v ? <Typography.Text>{m.filled}</Typography.Text> : <Typography.Text type="secondary">{m.notFilled}</Typography.Text>;

/** One branch's appraisal: record each member's assessments and grade, watch the 优秀 cap, then close it. */
export default function AppraisalPage() {
  const { id = '' } = useParams();
  const mobile = useIsMobile();
  const appraisal = useAppraisal(id);
  const [editing, setEditing] = useState<AppraisalEntry | null>(null);
  const invalidate = useInvalidateAppraisals();
  const refresh = useAction(() => appraisalApi.refresh(id), {
    invalidate,
    success: (r) => m.refreshed(r.added, r.removed),
  });
  const close = useAction(() => appraisalApi.close(id), { invalidate, success: m.closed });
  const a = appraisal.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/appraisals">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {m.back}
        </Button>
      </Link>
      {appraisal.error && <Alert type="error" showIcon title={appraisal.error.message} />}
      <Card loading={appraisal.isPending}>
        {a && (
          <>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="appraisal-title">
                {a.orgName} · {m.yearLabel(a.year)}
                {m.title}
              </Typography.Title>
              <Tag color={a.status === 'open' ? 'processing' : 'success'}>{APPRAISAL_STATUS_LABELS[a.status]}</Tag>
              <div style={{ flex: 1 }} />
              {a.status === 'open' && (
                <Tooltip title={m.refreshHint}>
                  <Button
                    icon={<SyncOutlined />}
                    loading={refresh.busy}
                    onClick={() => refresh.run()}
                    data-testid="appraisal-refresh"
                  >
                    {m.refresh}
                  </Button>
                </Tooltip>
              )}
              {a.status === 'open' && (
                <Popconfirm
                  title={m.closeConfirm}
                  onConfirm={() => close.run()}
                  disabled={!a.abilities.close}
                  okText="确定"
                  cancelText="取消"
                >
                  <Button
                    type="primary"
                    icon={<CheckCircleOutlined />}
                    disabled={!a.abilities.close}
                    loading={close.busy}
                    data-testid="appraisal-close"
                  >
                    {m.close}
                  </Button>
                </Popconfirm>
              )}
            </div>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}>
                <Statistic title={m.participants} value={a.counts.participants} suffix="人" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={`${m.full} / ${m.probationary}`} value={`${a.counts.full} / ${a.counts.probationary}`} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={m.gradedCount} value={`${a.counts.graded} / ${a.counts.full}`} data-testid="appraisal-graded" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={m.excellentCap}
                  value={m.excellentCapValue(a.counts.excellent, a.counts.maxExcellent)}
                  styles={{ content: a.counts.excellent >= a.counts.maxExcellent ? { color: '#c8161d' } : undefined }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.excellentCapHint(a.counts.maxExcellent)}
                </Typography.Text>
              </Col>
            </Row>
            {a.status === 'closed' && (
              <Alert
                type="success"
                showIcon
                title={m.closedAt(formatDateTime(a.closedAt), a.closedByName)}
                style={{ marginBottom: 16 }}
              />
            )}
            {a.status === 'open' && a.closeIssues.length > 0 && (
              <Alert
                type="info"
                showIcon
                title={m.cannotClose}
                description={a.closeIssues.join('；')}
                style={{ marginBottom: 16 }}
                data-testid="appraisal-issues"
              />
            )}
            <ResponsiveList<AppraisalEntry>
              items={a.entries}
              rowKey="id"
              phone={mobile}
              empty={null}
              pagination={a.entries.length > 50 ? { pageSize: 50 } : false}
              testId="entry-table"
              cardsTestId="entry-cards"
              card={(e) => ({
                onClick: () => setEditing(e),
                title: e.memberName,
                extra: gradeTag(e),
                body: (
                  <Typography.Text type="secondary">
                    {e.memberStatus === 'probationary' ? m.probationary : m.full}
                  </Typography.Text>
                ),
              })}
              columns={[
                { title: m.entryCol.name, dataIndex: 'memberName', key: 'name', width: 120 },
                {
                  title: m.entryCol.status,
                  key: 'status',
                  width: 100,
                  render: (_, e) => (e.memberStatus === 'probationary' ? <Tag color="gold">{m.probationary}</Tag> : m.full),
                },
                { title: m.entryCol.self, key: 'self', width: 90, render: (_, e) => filled(e.selfAssessment) },
                {
                  title: m.entryCol.mutual,
                  key: 'mutual',
                  width: 170,
                  render: (_, e) =>
                    e.mutual
                      ? `${e.mutual.excellent} / ${e.mutual.qualified} / ${e.mutual.basicallyQualified} / ${e.mutual.unqualified}`
                      : filled(null),
                },
                { title: m.entryCol.opinion, key: 'opinion', ellipsis: true, render: (_, e) => e.committeeOpinion ?? '—' },
                { title: m.entryCol.grade, key: 'grade', width: 110, render: (_, e) => gradeTag(e) },
                {
                  title: m.entryCol.action,
                  key: 'action',
                  width: 80,
                  render: (_, e) => (
                    <Button size="small" onClick={() => setEditing(e)} data-testid={`entry-edit-${e.memberName}`}>
                      {a.abilities.edit ? m.edit : m.view}
                    </Button>
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
      {editing && a && (
        <EntryDrawer
          appraisalId={a.id}
          entry={editing}
          editable={a.abilities.edit}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void invalidate();
          }}
        />
      )}
    </Space>
  );
}
