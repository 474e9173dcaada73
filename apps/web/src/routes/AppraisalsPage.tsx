import { PlusOutlined } from '@ant-design/icons';
import type { AppraisalSummary } from '@tongxin/contracts';
import { APPRAISAL_STATUS_LABELS } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Empty, InputNumber, Pagination, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useAppraisals, useInvalidateAppraisals } from '../features/appraisals/api';
import { appraisalMessages as m } from '../features/appraisals/messages';
import { OpenAppraisalDrawer } from '../features/appraisals/OpenAppraisalDrawer';
import { formatDate, formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const toInt = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const statusTag = (a: AppraisalSummary) => (
  <Tag color={a.status === 'open' ? 'processing' : 'success'}>{APPRAISAL_STATUS_LABELS[a.status]}</Tag>
);
const progress = (a: AppraisalSummary) => (
  <Progress
    percent={a.counts.full ? Math.round((a.counts.graded / a.counts.full) * 100) : 0}
    size="small"
    format={() => m.graded(a.counts.graded, a.counts.full)}
  />
);

/** 民主评议党员: the appraisals in the user's scope by year, each a workflow page; open a new one. */
export default function AppraisalsPage() {
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = toInt(params.get('year'));
  const statusParam = params.get('status');
  const status = statusParam === 'open' || statusParam === 'closed' ? statusParam : undefined;
  const page = toInt(params.get('page')) ?? 1;
  const pageSize = Math.min(toInt(params.get('pageSize')) ?? 20, 100);
  const list = useAppraisals({ year, status, page, pageSize });
  const invalidate = useInvalidateAppraisals();
  const [opening, setOpening] = useState(false);

  const update = (next: { year?: number | undefined; status?: string | undefined; page?: number; pageSize?: number }) => {
    const merged = { year, status, page, pageSize, ...next };
    const out: Record<string, string> = {};
    if (merged.year) out.year = String(merged.year);
    if (merged.status) out.status = merged.status;
    if (merged.page !== 1) out.page = String(merged.page);
    if (merged.pageSize !== 20) out.pageSize = String(merged.pageSize);
    setParams(out);
  };
  const empty = <Empty description={year || status ? m.emptyFiltered : m.empty} />;
  const items = list.data?.items ?? [];
  const pagination = {
    current: page,
    pageSize,
    total: list.data?.total ?? 0,
    showTotal: (t: number) => m.total(formatNumber(t)),
    onChange: (p: number, size: number) => update({ page: size !== pageSize ? 1 : p, pageSize: size }),
  };

  return (
    <Card>
      <PageHeader title={m.title}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="appraisal-open">
          {m.open}
        </Button>
      </PageHeader>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          placeholder={m.allYears}
          value={year ?? null}
          min={2000}
          max={2100}
          precision={0}
          onChange={(v) => update({ year: v ?? undefined, page: 1 })}
          style={{ width: 140 }}
          aria-label={m.col.year}
        />
        <Select
          allowClear
          placeholder={m.allStatuses}
          value={status}
          onChange={(v: string | undefined) => update({ status: v, page: 1 })}
          options={Object.entries(APPRAISAL_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      {mobile ? (
        <div style={{ display: 'grid', gap: 8 }} data-testid="appraisal-cards">
          {!list.isFetching && items.length === 0 && empty}
          {items.map((a) => (
            <Card key={a.id} size="small" title={<Link to={`/appraisals/${a.id}`}>{a.orgName}</Link>} extra={statusTag(a)}>
              <div>{m.yearLabel(a.year)}</div>
              {progress(a)}
            </Card>
          ))}
          {items.length > 0 && <Pagination {...pagination} simple style={{ justifyContent: 'center' }} />}
        </div>
      ) : (
        <Table<AppraisalSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={items}
          pagination={{ ...pagination, showSizeChanger: true }}
          locale={{ emptyText: empty }}
          columns={[
            {
              title: m.col.org,
              key: 'org',
              render: (_, a) => (
                <Link to={`/appraisals/${a.id}`} data-testid="appraisal-link">
                  {a.orgName}
                </Link>
              ),
            },
            { title: m.col.year, key: 'year', width: 110, render: (_, a) => m.yearLabel(a.year) },
            { title: m.col.status, key: 'status', width: 100, render: (_, a) => statusTag(a) },
            { title: m.col.progress, key: 'progress', width: 200, render: (_, a) => progress(a) },
            {
              title: m.col.excellent,
              key: 'excellent',
              width: 120,
              render: (_, a) => m.excellentOf(a.counts.excellent, a.counts.maxExcellent),
            },
            { title: m.col.openedAt, key: 'openedAt', width: 120, render: (_, a) => formatDate(a.openedAt) },
            { title: m.col.closedAt, key: 'closedAt', width: 120, render: (_, a) => formatDate(a.closedAt) },
          ]}
        />
      )}
      {opening && (
        <OpenAppraisalDrawer
          onClose={() => setOpening(false)}
          onOpened={(id) => {
            setOpening(false);
            void invalidate();
            navigate(`/appraisals/${id}`);
          }}
        />
      )}
    </Card>
  );
}
