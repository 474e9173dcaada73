import type { NoticeReceipts } from '@tongxin/contracts';
import { Alert, Card, Col, Empty, Progress, Row, Segmented, Space, Statistic, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatNumber } from '../../lib/format';
import { type ReceiptFilter, useReceipts } from './api';
import { noticeMessages as m } from './messages';

const percent = (read: number, total: number) => (total === 0 ? 0 : Math.round((read / total) * 100));

/** 已读回执: totals, then who has read it per org or per person; unread first, filterable to the unread. */
export function ReceiptsPanel({ noticeId, mobile }: { noticeId: string; mobile: boolean }) {
  const [filter, setFilter] = useState<ReceiptFilter>({ view: 'orgs', unread: false, page: 1, pageSize: 20 });
  const receipts = useReceipts(noticeId, filter, true);
  const data = receipts.data;
  const pagination = {
    current: filter.page,
    pageSize: filter.pageSize,
    total: data?.total ?? 0,
    showTotal: (n: number) => m.total(formatNumber(n)),
    onChange: (page: number, pageSize: number) =>
      setFilter({ ...filter, page: pageSize !== filter.pageSize ? 1 : page, pageSize }),
    simple: mobile,
  };
  const empty = (
    <Empty description={data && data.recipients === 0 ? m.noRecipients : filter.unread ? m.allRead : m.noRecipients} />
  );
  return (
    <Card title={m.receipts} data-testid="receipts-panel">
      {receipts.error && <Alert type="error" showIcon title={receipts.error.message} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={8} md={5}>
          <Statistic title={m.recipients} value={data?.recipients ?? 0} loading={!data} />
        </Col>
        <Col xs={8} md={5}>
          <Statistic title={m.readers} value={data?.read ?? 0} loading={!data} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={8} md={5}>
          <Statistic
            title={m.unreadPeople}
            value={data ? data.recipients - data.read : 0}
            loading={!data}
            styles={{ content: { color: '#c8161d' } }}
            data-testid="receipts-unread"
          />
        </Col>
        <Col xs={24} md={9}>
          <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{m.readRate}</div>
          <Progress percent={data ? percent(data.read, data.recipients) : 0} strokeColor="#389e0d" />
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={filter.view}
          onChange={(view) => setFilter({ ...filter, view: view as ReceiptFilter['view'], page: 1 })}
          options={[
            { value: 'orgs', label: m.byOrg },
            { value: 'people', label: m.byPerson },
          ]}
          data-testid="receipts-view"
        />
        <Space size={6}>
          <Switch
            size="small"
            checked={filter.unread}
            onChange={(unread) => setFilter({ ...filter, unread, page: 1 })}
            data-testid="receipts-unread-only"
          />
          {m.onlyUnread}
        </Space>
      </Space>
      {filter.view === 'orgs' ? (
        <Table<NoticeReceipts['orgs'][number]>
          rowKey="orgId"
          size="small"
          loading={receipts.isFetching}
          dataSource={data?.orgs ?? []}
          pagination={pagination}
          locale={{ emptyText: empty }}
          data-testid="receipts-orgs"
          columns={[
            { title: m.receiptCol.org, dataIndex: 'orgName', key: 'org' },
            { title: m.receiptCol.recipients, dataIndex: 'recipients', key: 'recipients', width: 64, align: 'right' },
            { title: m.receiptCol.read, dataIndex: 'read', key: 'read', width: 64, align: 'right' },
            ...(mobile
              ? []
              : [
                  {
                    title: m.receiptCol.rate,
                    key: 'unread',
                    width: 200,
                    render: (_: unknown, r: NoticeReceipts['orgs'][number]) => (
                      <Progress percent={percent(r.read, r.recipients)} size="small" strokeColor="#389e0d" />
                    ),
                  },
                ]),
          ]}
        />
      ) : (
        <Table<NoticeReceipts['people'][number]>
          rowKey="userId"
          size="small"
          loading={receipts.isFetching}
          dataSource={data?.people ?? []}
          pagination={pagination}
          locale={{ emptyText: empty }}
          data-testid="receipts-people"
          columns={[
            { title: m.receiptCol.person, dataIndex: 'displayName', key: 'name', width: mobile ? 90 : 160 },
            { title: m.receiptCol.org, dataIndex: 'orgName', key: 'org', ellipsis: true },
            {
              title: m.receiptCol.readAt,
              key: 'readAt',
              width: mobile ? 96 : 180,
              render: (_, r) => (r.readAt ? formatDateTime(r.readAt) : <Tag color="red">{m.notRead}</Tag>),
            },
          ]}
        />
      )}
    </Card>
  );
}
