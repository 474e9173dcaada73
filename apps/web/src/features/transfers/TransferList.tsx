import type { TransferSummary } from '@tongxin/contracts';
import { TRANSFER_DIRECTION_LABELS } from '@tongxin/contracts/labels';
import { Button, Card, Descriptions, Pagination, Space, Table, type TablePaginationConfig, Typography } from 'antd';
import type { ReactNode } from 'react';
import { transferMessages as m } from './messages';
import { TransferActions } from './TransferActions';
import { sides, TransferStatusTag } from './TransferStatusTag';

interface Props {
  items: TransferSummary[];
  loading: boolean;
  mobile: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
  onOpen: (id: string) => void;
}

const direction = (t: TransferSummary) =>
  `${TRANSFER_DIRECTION_LABELS[t.direction]}${t.crossProvince ? `·${m.crossProvince}` : ''}`;

/** A table on a laptop; cards on a phone, with the same actions. */
export function TransferList({ items, loading, mobile, pagination, empty, onOpen }: Props) {
  if (mobile)
    return (
      <div style={{ display: 'grid', gap: 8 }} data-testid="transfer-cards">
        {!loading && items.length === 0 && empty}
        {items.map((t) => {
          const s = sides(t);
          return (
            <Card
              key={t.id}
              size="small"
              title={
                <Space size={6}>
                  <span>{t.memberName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                    {direction(t)}
                  </Typography.Text>
                </Space>
              }
              extra={<TransferStatusTag t={t} />}
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'from', label: m.col.from, children: s.from },
                  { key: 'to', label: m.col.to, children: s.to },
                  { key: 'letter', label: m.col.letterNo, children: t.letterNo },
                  { key: 'dates', label: m.col.issuedOn, children: `${t.issuedOn}（${m.validTo(t.validUntil)}）` },
                ]}
              />
              <Space wrap size={4} style={{ marginTop: 8 }}>
                <Button size="small" onClick={() => onOpen(t.id)}>
                  {m.detail}
                </Button>
                <TransferActions t={t} />
              </Space>
            </Card>
          );
        })}
        {items.length > 0 && <Pagination {...pagination} simple style={{ justifyContent: 'center', marginTop: 8 }} />}
      </div>
    );

  return (
    <Table<TransferSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: empty }}
      scroll={{ x: 1140 }}
      columns={[
        {
          title: m.col.member,
          key: 'member',
          width: 120,
          fixed: 'left',
          render: (_, t) => (
            <div>
              <Typography.Link onClick={() => onOpen(t.id)} data-testid="transfer-open">
                {t.memberName}
              </Typography.Link>
              {t.idNumberMasked && (
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', fontVariantNumeric: 'tabular-nums' }}>
                  {t.idNumberMasked}
                </div>
              )}
            </div>
          ),
        },
        { title: m.col.status, key: 'status', width: 110, render: (_, t) => <TransferStatusTag t={t} /> },
        { title: m.col.direction, key: 'direction', width: 96, render: (_, t) => direction(t) },
        { title: m.col.from, key: 'from', width: 180, render: (_, t) => sides(t).from },
        { title: m.col.to, key: 'to', width: 180, render: (_, t) => sides(t).to },
        { title: m.col.letterNo, dataIndex: 'letterNo', width: 160 },
        {
          title: m.col.dates,
          key: 'dates',
          width: 150,
          render: (_, t) => (
            <div style={{ fontVariantNumeric: 'tabular-nums' }}>
              <div>{t.issuedOn}</div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{m.validTo(t.validUntil)}</div>
            </div>
          ),
        },
        {
          title: m.col.actions,
          key: 'actions',
          width: 150,
          fixed: 'right',
          render: (_, t) => <TransferActions t={t} />,
        },
      ]}
    />
  );
}
