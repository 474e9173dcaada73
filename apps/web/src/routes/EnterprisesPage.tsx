import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  COVERAGE_KIND_LABELS,
  type CoverageKind,
  OPERATING_STATUS_LABELS,
  type OperatingStatus,
} from '@tongxin/contracts/labels';
import { Alert, Button, Card, Checkbox, Empty, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { useEnterprises } from '../features/enterprises/api';
import { EnterpriseFormDrawer } from '../features/enterprises/EnterpriseFormDrawer';
import { EnterpriseList } from '../features/enterprises/EnterpriseList';
import { enterpriseMessages as m } from '../features/enterprises/messages';
import { useOrg } from '../features/orgs/api';
import { OrgPicker } from '../features/orgs/OrgPicker';
import { withQuery } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const toInt = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const pick = <T extends string>(v: string | null, labels: Record<T, string>): T | undefined =>
  v !== null && v in labels ? (v as T) : undefined;

/** 企业名录: a scoped, paged, filtered list; the filters and page live in the URL. */
export default function EnterprisesPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const coverage = pick<CoverageKind>(params.get('coverage'), COVERAGE_KIND_LABELS);
  const operatingStatus = pick<OperatingStatus>(params.get('status'), OPERATING_STATUS_LABELS);
  const inScope = params.get('inScope') === 'true' ? 'true' : params.get('inScope') === 'false' ? 'false' : undefined;
  const archived = params.get('archived') === 'true' ? 'true' : undefined;
  const orgId = params.get('org') ?? undefined;
  const page = toInt(params.get('page'), 1);
  const pageSize = Math.min(toInt(params.get('pageSize'), 20), 100);
  const filter = { q: q || undefined, orgId, coverage, operatingStatus, inScope, archived, page, pageSize } as const;
  const list = useEnterprises(filter);
  const [draft, setDraft] = useState(q);
  const [creating, setCreating] = useState(false);
  if (!me) return null;
  const manage = me.abilities.manageEnterprises;

  const update = (next: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = {
      q,
      org: orgId,
      coverage,
      status: operatingStatus,
      inScope,
      archived,
      page,
      pageSize,
      ...next,
    };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(merged)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
      out[k] = String(v);
    }
    setParams(out);
  };
  const filtered = Boolean(q || orgId || coverage || operatingStatus || inScope || archived);
  const empty = <Empty description={filtered ? m.emptySearch : manage ? m.empty : m.emptyReadOnly} />;
  const exportHref = withQuery('/api/enterprises/export', {
    q: q || undefined,
    orgId,
    coverage,
    operatingStatus,
    inScope,
    archived,
  });
  const wide = mobile ? '100%' : undefined;

  return (
    <Card>
      <PageHeader title={m.title}>
        {me.abilities.exportEnterprises && (
          <a href={exportHref} download>
            <Button icon={<DownloadOutlined />} data-testid="enterprise-export">
              {m.export}
            </Button>
          </a>
        )}
        {manage && (
          <Link to="/enterprises/import">
            <Button icon={<UploadOutlined />}>{m.import}</Button>
          </Link>
        )}
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enterprise-create">
            {m.create}
          </Button>
        )}
      </PageHeader>
      <Space wrap style={{ marginBottom: 16, width: wide }} styles={{ item: mobile ? { flex: '1 1 100%' } : undefined }}>
        <Input.Search
          allowClear
          placeholder={m.searchPlaceholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(value) => update({ q: value.trim(), page: 1 })}
          style={{ width: mobile ? '100%' : 300 }}
          enterButton="查询"
          data-testid="enterprise-search"
        />
        {me.abilities.coverage && (
          <div style={{ width: mobile ? '100%' : 240 }}>
            <AreaFilter orgId={orgId} onChange={(id) => update({ org: id ?? undefined, page: 1 })} />
          </div>
        )}
        <Select
          allowClear
          placeholder={m.allCoverage}
          value={coverage}
          onChange={(v: CoverageKind | undefined) => update({ coverage: v, page: 1 })}
          options={Object.entries(COVERAGE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: mobile ? '100%' : 140 }}
          data-testid="enterprise-coverage-filter"
        />
        <Select
          allowClear
          placeholder={m.allStatuses}
          value={operatingStatus}
          onChange={(v: OperatingStatus | undefined) => update({ status: v, page: 1 })}
          options={Object.entries(OPERATING_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: mobile ? '100%' : 140 }}
        />
        <Select
          value={inScope ?? 'all'}
          onChange={(v: string) => update({ inScope: v === 'all' ? undefined : v, page: 1 })}
          options={[
            { value: 'all', label: m.scopeAll },
            { value: 'true', label: m.scopeIn },
            { value: 'false', label: m.scopeOut },
          ]}
          style={{ width: mobile ? '100%' : 130 }}
        />
        <Checkbox
          checked={archived === 'true'}
          onChange={(e) => update({ archived: e.target.checked ? 'true' : undefined, page: 1 })}
        >
          {m.showArchived}
        </Checkbox>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <EnterpriseList
        items={list.data?.items ?? []}
        loading={list.isFetching}
        empty={empty}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (p, size) => update({ page: size !== pageSize ? 1 : p, pageSize: size }),
        }}
      />
      {creating && <EnterpriseFormDrawer onClose={() => setCreating(false)} onSaved={(id) => navigate(`/enterprises/${id}`)} />}
    </Card>
  );
}

/** The area filter: an org picker that shows the chosen org's name after a reload (the id lives in the URL). */
function AreaFilter({ orgId, onChange }: { orgId: string | undefined; onChange: (id: string | null) => void }) {
  const org = useOrg(orgId ?? '');
  if (orgId && org.isPending) return <Select loading disabled style={{ width: '100%' }} />;
  return (
    <OrgPicker
      key={orgId ?? 'none'}
      allowClear
      value={orgId ?? null}
      initialLabel={orgId ? (org.data?.name ?? null) : null}
      placeholder={m.areaFilter}
      onChange={onChange}
    />
  );
}
