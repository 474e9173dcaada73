import type { TransferSummary } from '@tongxin/contracts';
import { TRANSFER_DIRECTION_LABELS } from '@tongxin/contracts/labels';
import { Button, Descriptions, Space, type TablePaginationConfig, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ResponsiveList } from '../../components/ResponsiveList';
import { transferMessages as m } from './messages';
import { TransferActions } from './TransferActions';
import { sides, TransferStatusTag } from './TransferStatusTag';

interface Props {
  items: TransferSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
  onOpen: (id: string) => void;
}

const direction = (t: TransferSummary) =>
  `${TRANSFER_DIRECTION_LABELS[t.direction]}${t.crossProvince ? `·${m.crossProvince}` : ''}`;

/** A table on a laptop; cards on a phone, with the same actions. */
export function TransferList({ items, loading, pagination, empty, onOpen }: Props) {
  return (
    <ResponsiveList<TransferSummary>
      items={items}
      rowKey="id"
      loading={loading}
      pagination={pagination}
      empty={empty}
      scrollX={1140}
      cardsTestId="transfer-cards"
      actionsTitle={m.col.actions}
      actions={(t) => <TransferActions t={t} />}
      card={(t) => {
        const s = sides(t);
        return {
          title: (
            <Space size={6}>
              <span>{t.memberName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {direction(t)}
              </Typography.Text>
            </Space>
          ),
          extra: <TransferStatusTag t={t} />,
          body: (
            <>
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
              <Button size="small" onClick={() => onOpen(t.id)} style={{ marginTop: 8 }}>
                {m.detail}
              </Button>
            </>
          ),
        };
      }}
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
      ]}
    />
  );
}
