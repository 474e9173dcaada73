import type { DuesSheet, DuesSheetRow } from '@tongxin/contracts';
import { DUES_CATEGORY_LABELS, formatYuan } from '@tongxin/contracts/labels';
import { Button, Empty, Space, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ResponsiveList } from '../../components/ResponsiveList';
import { ArrearsTag } from './ArrearsTag';
import { duesMessages as m } from './messages';

export interface RowActions {
  record: (row: DuesSheetRow) => void;
  profile: (row: DuesSheetRow) => void;
  reduce: (row: DuesSheetRow) => void;
}

interface Props {
  sheet: DuesSheet;
  loading: boolean;
  mobile: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  actions: RowActions;
}

/** A row may be ticked for a batch when the month is open, nothing is recorded yet and something is due. */
export const selectable = (sheet: DuesSheet, r: DuesSheetRow) => sheet.abilities.record && !r.payment && r.dueFen !== 0;

const secondary = (text: ReactNode) => (
  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
    {text}
  </Typography.Text>
);

function Due({ r }: { r: DuesSheetRow }) {
  if (r.dueFen === null) return <Typography.Text type="secondary">{m.unset}</Typography.Text>;
  return (
    <span>
      {formatYuan(r.dueFen)}
      {r.reduction && (
        <Tag color="blue" style={{ marginInlineStart: 6 }}>
          {m.reducedTag(formatYuan(r.reduction.amountFen))}
        </Tag>
      )}
      {r.reductionPending && (
        <Tag color="gold" style={{ marginInlineStart: 6 }}>
          {m.pendingTag}
        </Tag>
      )}
    </span>
  );
}

function Paid({ r }: { r: DuesSheetRow }) {
  if (!r.payment) return r.dueFen === 0 ? <span>—</span> : <Tag>{m.unpaid}</Tag>;
  return (
    <span>
      <Tag color="green">{m.paidTag}</Tag>
      {formatYuan(r.payment.amountFen)}
      {r.payment.large && (
        <Tag color="volcano" style={{ marginInlineStart: 6 }}>
          {m.largeTag}
        </Tag>
      )}
      {secondary(`${r.payment.paidOn}${r.payment.note ? ` · ${r.payment.note}` : ''}`)}
    </span>
  );
}

function category(r: DuesSheetRow) {
  if (!r.category) return <Typography.Text type="secondary">{m.unset}</Typography.Text>;
  return (
    <span>
      {DUES_CATEGORY_LABELS[r.category]}
      {r.baseFen !== null && secondary(formatYuan(r.baseFen))}
    </span>
  );
}

function RowButtons({ sheet, r, actions }: { sheet: DuesSheet; r: DuesSheetRow; actions: RowActions }) {
  return (
    <Space size={0} wrap>
      {selectable(sheet, r) && (
        <Button type="link" size="small" onClick={() => actions.record(r)} data-testid="record-one">
          {m.record}
        </Button>
      )}
      <Button type="link" size="small" onClick={() => actions.profile(r)}>
        {r.category ? m.editProfile : m.setProfile}
      </Button>
      {r.category && !r.reductionPending && (
        <Button type="link" size="small" onClick={() => actions.reduce(r)}>
          {m.reduction}
        </Button>
      )}
    </Space>
  );
}

/** The month's sheet: a table on a laptop, a compact list of cards on a phone. */
export function DuesSheetTable({ sheet, loading, mobile, selected, onSelect, actions }: Props) {
  const manyOrgs = new Set(sheet.items.map((r) => r.orgId)).size > 1;
  const empty = <Empty description={m.empty} />;
  const columns: TableColumnsType<DuesSheetRow> = [
    {
      title: m.name,
      dataIndex: 'name',
      width: manyOrgs ? 220 : 120,
      render: (name: string, r) => (
        <span>
          {name}
          {manyOrgs && secondary(r.orgName)}
        </span>
      ),
    },
    { title: m.category, key: 'category', width: 130, render: (_, r) => category(r) },
    { title: m.due, key: 'due', width: 200, render: (_, r) => <Due r={r} /> },
    { title: m.paid, key: 'paid', width: 220, render: (_, r) => <Paid r={r} /> },
    { title: m.arrears, key: 'arrears', width: 220, render: (_, r) => <ArrearsTag row={r} /> },
    {
      title: m.actions,
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, r) => <RowButtons sheet={sheet} r={r} actions={actions} />,
    },
  ];
  return (
    <ResponsiveList<DuesSheetRow>
      items={sheet.items}
      rowKey="memberId"
      loading={loading}
      columns={columns}
      empty={empty}
      scrollX={1000}
      phone={mobile}
      pagination={sheet.items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      card={(r) => ({
        testId: 'dues-row',
        body: (
          <>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
              <Typography.Text strong>{r.name}</Typography.Text>
              <span style={{ textAlign: 'right' }}>
                <Due r={r} />
              </span>
            </div>
            {manyOrgs && secondary(r.orgName)}
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 4 }}>
              <span style={{ fontSize: 13 }}>
                {r.category ? DUES_CATEGORY_LABELS[r.category] : m.unset}
                {r.baseFen !== null && ` · ${formatYuan(r.baseFen)}`}
              </span>
              <span style={{ textAlign: 'right' }}>
                <Paid r={r} />
              </span>
            </div>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 4 }}>
              <ArrearsTag row={r} />
              <RowButtons sheet={sheet} r={r} actions={actions} />
            </div>
          </>
        ),
      })}
      table={{
        size: 'small',
        onRow: () => ({ 'data-testid': 'dues-row' }) as React.HTMLAttributes<HTMLElement>,
        rowSelection: sheet.abilities.record
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (r) => ({ disabled: !selectable(sheet, r), name: r.name }),
            }
          : undefined,
      }}
    />
  );
}
