import { SIGNATURE_STATE_LABELS, SIGNATURE_STATES, type SignatureState } from '@tongxin/contracts/labels';
import { App, Button, Card, Collapse, Flex, Result, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { governanceApi, useGovernanceAction, usePledge, usePledgeSignatures } from '../features/governance/api';
import { SignatureTag } from '../features/governance/labels';
import { governanceMessages as m } from '../features/governance/messages';
import { isApiError } from '../lib/api';
import { formatDateTime } from '../lib/format';

export default function GovernancePledgePage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { data: p, isLoading, error } = usePledge(id);
  const [state, setState] = useState<SignatureState | undefined>();
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const sigs = usePledgeSignatures(id, { state, districtId, page, pageSize: 20 }, p?.abilities.viewSignatures ?? false);
  const sign = useGovernanceAction((enterpriseId: string) => governanceApi.signPledge(id, enterpriseId));
  if (isLoading) return <Spin />;
  if (!p) return <Result status="404" title={isApiError(error) ? error.message : '倡议书不存在'} />;
  return (
    <div>
      <PageHeader title={p.title}>
        <Tag color="blue">{m.version(p.currentVersion)}</Tag>
      </PageHeader>
      <Typography.Paragraph type="secondary">
        {m.issuer}：{p.issuerName} · {formatDateTime(p.publishedAt)}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="pledge-body">
          {p.body}
        </Typography.Paragraph>
      </Card>
      {p.mine.map((e) => (
        <Card key={e.enterprise.id} size="small" style={{ marginBottom: 16 }} data-testid="pledge-mine">
          <Flex wrap gap={8} align="center" justify="space-between">
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{e.enterprise.name}</Typography.Text>
              <SignatureTag state={e.state} />
              {e.signedAt && (
                <Typography.Text type="secondary">
                  {m.version(e.signedVersion ?? 0)} · {formatDateTime(e.signedAt)}
                </Typography.Text>
              )}
            </Flex>
            {e.canSign && (
              <Button
                type="primary"
                data-testid="pledge-sign"
                loading={sign.isPending}
                onClick={() =>
                  sign.mutate(e.enterprise.id, {
                    onSuccess: () => message.success(m.signedOk),
                    onError: (err) => message.error(isApiError(err) ? err.message : '签署失败'),
                  })
                }
              >
                {e.state === 'outdated' ? m.resign : m.sign}
              </Button>
            )}
          </Flex>
        </Card>
      ))}
      {p.versions.length > 1 && (
        <Collapse
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'v',
              label: m.versions,
              children: p.versions.map((v) => (
                <div key={v.version} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>
                    {m.version(v.version)} · {formatDateTime(v.publishedAt)}
                    {v.note ? ` · ${v.note}` : ''}
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.body}</Typography.Paragraph>
                </div>
              )),
            },
          ]}
        />
      )}
      {p.abilities.viewSignatures && sigs.data && (
        <>
          <Typography.Title level={5}>{m.byDistrict}</Typography.Title>
          <Table
            size="small"
            rowKey={(r) => r.district?.id ?? 'none'}
            pagination={false}
            style={{ marginBottom: 16 }}
            dataSource={sigs.data.byDistrict}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: m.district, render: (_, r) => r.district?.name ?? '—' },
              { title: SIGNATURE_STATE_LABELS.signed, dataIndex: 'signed' },
              { title: SIGNATURE_STATE_LABELS.outdated, dataIndex: 'outdated' },
              { title: SIGNATURE_STATE_LABELS.unsigned, dataIndex: 'unsigned' },
            ]}
          />
          <Typography.Title level={5}>{m.signatures}</Typography.Title>
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            <Select
              allowClear
              placeholder={m.allStates}
              style={{ width: 160 }}
              value={state}
              onChange={(v) => {
                setState(v);
                setPage(1);
              }}
              options={SIGNATURE_STATES.map((s) => ({ value: s, label: SIGNATURE_STATE_LABELS[s] }))}
            />
            <Select
              allowClear
              placeholder={m.allDistricts}
              style={{ width: 220 }}
              value={districtId}
              onChange={(v) => {
                setDistrictId(v);
                setPage(1);
              }}
              options={sigs.data.byDistrict
                .filter((d) => d.district)
                .map((d) => ({ value: d.district!.id, label: d.district!.name }))}
            />
          </Flex>
          <Table
            size="small"
            rowKey={(r) => r.enterprise.id}
            dataSource={sigs.data.items}
            scroll={{ x: 'max-content' }}
            pagination={{ current: page, pageSize: 20, total: sigs.data.total, onChange: setPage, showTotal: (n) => m.total(n) }}
            columns={[
              { title: m.enterprise, render: (_, r) => r.enterprise.name },
              { title: m.district, render: (_, r) => r.district?.name ?? '—' },
              { title: m.state, render: (_, r) => <SignatureTag state={r.state} /> },
              { title: '签署版本', render: (_, r) => (r.signedVersion ? m.version(r.signedVersion) : '—') },
              { title: m.signedAt, render: (_, r) => formatDateTime(r.signedAt) },
              { title: m.signedBy, render: (_, r) => r.signedByName ?? '—' },
            ]}
          />
        </>
      )}
    </div>
  );
}
