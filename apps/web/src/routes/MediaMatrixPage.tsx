import type { MediaAccount } from '@tongxin/contracts';
import {
  FOLLOWER_BAND_LABELS,
  FOLLOWER_BANDS,
  MEDIA_PLATFORM_LABELS,
  MEDIA_PLATFORMS,
  type MediaPlatform,
  VERIFICATION_STATUS_LABELS,
  VERIFICATION_STATUSES,
} from '@tongxin/contracts/labels';
import { App, Button, Card, Drawer, Empty, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { governanceApi, useGovernanceAction, useMediaAccounts, useOwners } from '../features/governance/api';
import { governanceMessages as m } from '../features/governance/messages';
import { applyServerErrors } from '../lib/forms';
import { useIsMobile } from '../lib/useIsMobile';

const platformOptions = MEDIA_PLATFORMS.map((p) => ({ value: p, label: MEDIA_PLATFORM_LABELS[p] }));

function AccountDrawer({ open, editing, onClose }: { open: boolean; editing: MediaAccount | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const owners = useOwners();
  const ownerKind = Form.useWatch('ownerKind', form) ?? 'enterprise';
  const save = useGovernanceAction(
    (v: Record<string, unknown>): Promise<unknown> =>
      editing ? governanceApi.updateAccount(editing.id, { ...v, version: editing.version }) : governanceApi.createAccount(v),
  );
  const onFinish = (v: Record<string, unknown>) => {
    const body = editing ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'ownerKind' && k !== 'ownerId')) : v;
    save.mutate(body, {
      onSuccess: () => {
        message.success(m.saved);
        onClose();
      },
      onError: (e) => {
        const rest = applyServerErrors(form, e);
        if (rest) message.error(rest);
      },
    });
  };
  const ownerOptions = (ownerKind === 'org' ? owners.data?.orgs : owners.data?.enterprises)?.map((o) => ({
    value: o.id,
    label: o.name,
  }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? m.editAccount : m.addAccount}
      size="large"
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="account-save">
          {m.save}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          editing
            ? { ...editing, ownerKind: editing.ownerKind, ownerId: editing.owner.id }
            : { ownerKind: 'enterprise', platform: 'wechat', followerBand: '1k_10k', verification: 'verified' }
        }
      >
        <Form.Item name="ownerKind" label={m.ownerKind}>
          <Select
            disabled={!!editing}
            options={[
              { value: 'enterprise', label: m.ownerEnterprise },
              ...(owners.data?.orgs.length ? [{ value: 'org', label: m.ownerOrg }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item name="ownerId" label={m.owner} rules={[{ required: true, message: '请选择账号主体' }]}>
          <Select disabled={!!editing} showSearch optionFilterProp="label" options={ownerOptions} data-testid="account-owner" />
        </Form.Item>
        <Form.Item name="platform" label={m.platform}>
          <Select options={platformOptions} />
        </Form.Item>
        <Form.Item name="name" label={m.accountName} rules={[{ required: true, message: '请填写账号名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="handle" label={m.handle} rules={[{ required: true, message: '请填写账号ID' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="operatorName" label={m.operator} rules={[{ required: true, message: '请填写运营人' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="followerBand" label={m.followers}>
          <Select options={FOLLOWER_BANDS.map((b) => ({ value: b, label: FOLLOWER_BAND_LABELS[b] }))} />
        </Form.Item>
        <Form.Item name="verification" label={m.verification}>
          <Select options={VERIFICATION_STATUSES.map((b) => ({ value: b, label: VERIFICATION_STATUS_LABELS[b] }))} />
        </Form.Item>
        <Form.Item name="url" label={m.link} rules={[{ required: true, message: '请填写账号链接' }]}>
          <Input placeholder="https://" maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

export default function MediaMatrixPage() {
  const mobile = useIsMobile();
  const [platform, setPlatform] = useState<MediaPlatform | undefined>();
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [drawer, setDrawer] = useState<{ editing: MediaAccount | null } | null>(null);
  const owners = useOwners();
  const { data, isLoading } = useMediaAccounts({ platform, districtId, q: q || undefined, page, pageSize: 20 });
  const link = (a: MediaAccount) => (
    <Typography.Link href={a.url} target="_blank" rel="noopener noreferrer">
      {m.open}
    </Typography.Link>
  );
  return (
    <div>
      <PageHeader title={m.mediaTitle}>
        {data?.canCreate && (
          <Button type="primary" onClick={() => setDrawer({ editing: null })} data-testid="account-add">
            {m.addAccount}
          </Button>
        )}
      </PageHeader>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={m.allPlatforms}
          style={{ width: 150 }}
          value={platform}
          onChange={(v) => {
            setPlatform(v);
            setPage(1);
          }}
          options={platformOptions}
          data-testid="media-platform"
        />
        {(owners.data?.districts.length ?? 0) > 1 && (
          <Select
            allowClear
            placeholder={m.allDistricts}
            style={{ width: 200 }}
            value={districtId}
            onChange={(v) => {
              setDistrictId(v);
              setPage(1);
            }}
            options={owners.data?.districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <Input.Search
          allowClear
          placeholder={m.search}
          style={{ width: mobile ? '100%' : 240 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
      </Flex>
      {mobile ? (
        <Flex vertical gap={8}>
          {!isLoading && !data?.items.length && <Empty description={m.mediaEmpty} />}
          {data?.items.map((a) => (
            <Card key={a.id} size="small">
              <Flex vertical gap={4}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{a.name}</Typography.Text>
                  <Tag>{MEDIA_PLATFORM_LABELS[a.platform]}</Tag>
                </Flex>
                <Typography.Text type="secondary">{a.owner.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {m.operator}：{a.operatorName} · {FOLLOWER_BAND_LABELS[a.followerBand]} ·{' '}
                  {VERIFICATION_STATUS_LABELS[a.verification]}
                </Typography.Text>
                <Flex gap={12}>
                  {link(a)}
                  {a.abilities.edit && (
                    <Typography.Link onClick={() => setDrawer({ editing: a })}>{m.editAccount}</Typography.Link>
                  )}
                </Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table
          size="middle"
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items}
          locale={{ emptyText: m.mediaEmpty }}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => m.total(n) }}
          columns={[
            { title: m.platform, render: (_, a) => <Tag>{MEDIA_PLATFORM_LABELS[a.platform]}</Tag> },
            { title: m.accountName, dataIndex: 'name' },
            { title: m.handle, dataIndex: 'handle' },
            { title: m.owner, render: (_, a) => a.owner.name },
            { title: m.district, render: (_, a) => a.district?.name ?? '—' },
            { title: m.operator, dataIndex: 'operatorName' },
            { title: m.followers, render: (_, a) => FOLLOWER_BAND_LABELS[a.followerBand] },
            { title: m.verification, render: (_, a) => VERIFICATION_STATUS_LABELS[a.verification] },
            {
              title: '操作',
              render: (_, a) => (
                <Flex gap={12}>
                  {link(a)}
                  {a.abilities.edit && (
                    <Typography.Link onClick={() => setDrawer({ editing: a })}>{m.editAccount}</Typography.Link>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      <AccountDrawer open={drawer !== null} editing={drawer?.editing ?? null} onClose={() => setDrawer(null)} />
    </div>
  );
}
