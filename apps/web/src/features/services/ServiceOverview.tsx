import { useQuery } from '@tanstack/react-query';
import type { ServiceSummary } from '@tongxin/contracts';
import {
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_STATUS_LABELS,
  SERVICE_STATUSES,
  type ServiceStatus,
} from '@tongxin/contracts/labels';
import { Col, Row, Statistic, Table } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { api } from '../../lib/api';
import { serviceMessages as m } from './messages';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<ServiceStatus, string> = {
  open: '#faad14',
  in_progress: '#1677ff',
  answered: '#13c2c2',
  closed: '#52c41a',
  withdrawn: '#d9d9d9',
};

export function useServiceSummary() {
  return useQuery({
    queryKey: ['services', 'summary'],
    queryFn: () => api<ServiceSummary>('/api/service-requests/summary'),
  });
}

/** Rows of the chart: categories that have requests, most asked first. */
function byCategory(s: ServiceSummary) {
  const rows = SERVICE_CATEGORIES.map((category) => {
    const counts = Object.fromEntries(
      SERVICE_STATUSES.map((st) => [st, s.cells.find((c) => c.category === category && c.status === st)?.count ?? 0]),
    ) as Record<ServiceStatus, number>;
    return { category, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
  return rows.filter((r) => r.total > 0).sort((a, b) => b.total - a.total);
}

function CategoryChart({ rows, height }: { rows: ReturnType<typeof byCategory>; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const names = rows.map((r) => SERVICE_CATEGORY_LABELS[r.category]).reverse();
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 16, bottom: 4, top: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names },
      series: SERVICE_STATUSES.map((st) => ({
        type: 'bar',
        stack: 'all',
        name: SERVICE_STATUS_LABELS[st],
        itemStyle: { color: COLORS[st] },
        data: rows.map((r) => r.counts[st]).reverse(),
        barMaxWidth: 18,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid="service-chart" />;
}

/** What enterprises ask for and how it stands: a chart by category and status, with the same numbers as a table. */
export function ServiceOverview({ mobile }: { mobile: boolean }) {
  const summary = useServiceSummary();
  const s = summary.data;
  if (!s) return null;
  const rows = byCategory(s);
  if (rows.length === 0) return null;
  const pending = s.cells.filter((c) => c.status === 'open' || c.status === 'in_progress').reduce((a, c) => a + c.count, 0);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="service-overview">
      <Col xs={24} lg={6}>
        <Row gutter={[8, 16]}>
          <Col span={12} lg={24}>
            <Statistic title={m.overview.pending} value={pending} />
          </Col>
          <Col span={12} lg={24}>
            <Statistic
              title={m.overview.overdue}
              value={s.overdue}
              styles={s.overdue ? { content: { color: '#cf1322' } } : undefined}
            />
          </Col>
          <Col span={24}>
            <Statistic
              title={m.overview.rating(s.rated)}
              value={s.averageRating ?? '—'}
              precision={s.averageRating === null ? undefined : 1}
              suffix={s.averageRating === null ? undefined : '/ 5'}
            />
          </Col>
        </Row>
      </Col>
      <Col xs={24} lg={18}>
        <CategoryChart rows={rows} height={Math.max(160, 40 + rows.length * 28)} />
        {!mobile && (
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={rows}
            columns={[
              { title: m.col.category, key: 'c', render: (_, r) => SERVICE_CATEGORY_LABELS[r.category] },
              ...SERVICE_STATUSES.map((st) => ({
                title: SERVICE_STATUS_LABELS[st],
                key: st,
                align: 'right' as const,
                render: (_: unknown, r: (typeof rows)[number]) => r.counts[st] || '',
              })),
              { title: m.overview.total, key: 't', align: 'right' as const, render: (_, r) => r.total },
            ]}
          />
        )}
      </Col>
    </Row>
  );
}
