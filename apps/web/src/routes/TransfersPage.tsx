import { PlusOutlined } from '@ant-design/icons';
import { TRANSFER_BOXES, TRANSFER_STATUS_LABELS, type TransferBox, type TransferStatus } from '@tongxin/contracts/labels';
import { Alert, Badge, Button, Card, Empty, Input, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { usePendingCount, useTransfers } from '../features/transfers/api';
import { CreateTransferDrawer } from '../features/transfers/CreateTransferDrawer';
import { transferMessages as m } from '../features/transfers/messages';
import { TransferDetailDrawer } from '../features/transfers/TransferDetailDrawer';
import { TransferList } from '../features/transfers/TransferList';
import { formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const toInt = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const isBox = (v: string | null): v is TransferBox => (TRANSFER_BOXES as readonly string[]).includes(v ?? '');
const isStatus = (v: string | null): v is TransferStatus => v !== null && v in TRANSFER_STATUS_LABELS;

/** 组织关系转接: 转出 / 转入 / 逾期 tabs, each a scoped, paged list; the tab, filters and page live in the URL. */
export default function TransfersPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const box: TransferBox = isBox(params.get('box')) ? (params.get('box') as TransferBox) : 'incoming';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const q = params.get('q') ?? '';
  const page = toInt(params.get('page'), 1);
  const pageSize = Math.min(toInt(params.get('pageSize'), 20), 100);
  const list = useTransfers({ box, status, q: q || undefined, page, pageSize });
  const incoming = usePendingCount('incoming');
  const overdue = usePendingCount('overdue');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [draft, setDraft] = useState(q);
  if (!me) return null;

  const update = (next: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = { box, status, q, page, pageSize, ...next };
    const out: Record<string, string> = {};
    if (merged.box !== 'incoming') out.box = String(merged.box);
    if (merged.status) out.status = String(merged.status);
    if (merged.q) out.q = String(merged.q);
    if (merged.page !== 1) out.page = String(merged.page);
    if (merged.pageSize !== 20) out.pageSize = String(merged.pageSize);
    setParams(out);
  };
  const filtered = Boolean(q || status);
  const empty = <Empty description={filtered ? m.empty.search : m.empty[box]} />;
  const label = (b: TransferBox, n: number | undefined) => (
    <Space size={6}>
      {m.tabs[b]}
      {n ? <Badge count={n} color={b === 'overdue' ? 'red' : 'blue'} size="small" /> : null}
    </Space>
  );

  return (
    <Card>
      <PageHeader title={m.title}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="transfer-create">
          {m.create}
        </Button>
      </PageHeader>
      <Tabs
        activeKey={box}
        onChange={(key) => update({ box: key, status: undefined, page: 1 })}
        items={[
          { key: 'incoming', label: label('incoming', incoming.data) },
          { key: 'outgoing', label: label('outgoing', undefined) },
          { key: 'overdue', label: label('overdue', overdue.data) },
        ]}
      />
      <Space
        wrap
        style={{ marginBottom: 16, width: mobile ? '100%' : undefined }}
        styles={{ item: mobile ? { flex: '1 1 100%' } : undefined }}
      >
        <Input.Search
          allowClear
          placeholder={m.searchPlaceholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(value) => update({ q: value.trim(), page: 1 })}
          style={{ width: mobile ? '100%' : 260 }}
          enterButton="查询"
        />
        {box !== 'overdue' && (
          <Select
            allowClear
            placeholder={m.allStatuses}
            value={status}
            onChange={(v: TransferStatus | undefined) => update({ status: v, page: 1 })}
            options={Object.entries(TRANSFER_STATUS_LABELS).map(([value, text]) => ({ value, label: text }))}
            style={{ width: mobile ? '100%' : 140 }}
          />
        )}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <TransferList
        items={list.data?.items ?? []}
        loading={list.isFetching}
        empty={empty}
        onOpen={setOpen}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (p, size) => update({ page: size !== pageSize ? 1 : p, pageSize: size }),
        }}
      />
      {creating && (
        <CreateTransferDrawer
          onClose={() => setCreating(false)}
          onCreated={(direction) => {
            setCreating(false);
            setDraft('');
            update({ box: direction === 'in' ? 'incoming' : 'outgoing', status: undefined, q: undefined, page: 1 });
          }}
        />
      )}
      {open && <TransferDetailDrawer id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
