import { ArrowLeftOutlined, EditOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Typography,
} from 'antd';
import { Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { enterpriseApi, useEnterprise, useInvalidateEnterprises } from '../features/enterprises/api';
import { EnterpriseContacts } from '../features/enterprises/EnterpriseContacts';
import { EnterpriseFormDrawer } from '../features/enterprises/EnterpriseFormDrawer';
import { EnterpriseInstructors } from '../features/enterprises/EnterpriseInstructors';
import { CoverageTag, OperatingTag } from '../features/enterprises/EnterpriseTags';
import { enterpriseMessages as m } from '../features/enterprises/messages';
import { shortOrgName } from '../features/enterprises/names';
import { ENTERPRISE_DETAIL_SECTIONS } from '../features/enterprises/sections';
import { isApiError } from '../lib/api';
import { formatDate } from '../lib/format';
import { useAction } from '../lib/useAction';

/** One enterprise: registry facts, its Party organisation, members, contacts, instructors and work log. */
export default function EnterprisePage() {
  const { id = '' } = useParams();
  const detail = useEnterprise(id);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const invalidate = useInvalidateEnterprises();
  const closeReason = (close: (open: boolean) => void) => () => {
    close(false);
    setReason('');
  };
  const linkMembers = useAction(() => enterpriseApi.linkMembers(id), {
    invalidate,
    onSuccess: ({ linked }) => message.info(m.detail.linked(linked)),
  });
  const restore = useAction(() => enterpriseApi.restore(id, reason), {
    invalidate,
    success: m.restored,
    onSuccess: closeReason(setRestoring),
  });
  const archive = useAction(() => enterpriseApi.archive(id, reason), {
    invalidate,
    success: m.archived,
    onSuccess: closeReason(setArchiving),
  });
  if (detail.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (detail.isError)
    return (
      <Card>
        <Result
          status={isApiError(detail.error, 'not_found') ? '404' : 'error'}
          title={detail.error.message}
          extra={
            <Link to="/enterprises">
              <Button>{m.detail.back}</Button>
            </Link>
          }
        />
      </Card>
    );
  const e = detail.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader
          title={
            <Space wrap size={8}>
              <span data-testid="enterprise-title">{e.name}</span>
              <CoverageTag kind={e.coverageKind} />
              <OperatingTag status={e.operatingStatus} />
            </Space>
          }
        >
          <Link to="/enterprises">
            <Button icon={<ArrowLeftOutlined />}>{m.detail.back}</Button>
          </Link>
          {e.abilities.manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
              {m.edit}
            </Button>
          )}
          {e.abilities.manage && (
            <Button danger icon={<InboxOutlined />} onClick={() => setArchiving(true)}>
              {m.archive}
            </Button>
          )}
        </PageHeader>
        {e.archived && (
          <Alert
            type="info"
            showIcon
            title={m.archivedBanner(e.archiveReason)}
            style={{ marginBottom: 16 }}
            action={
              e.abilities.restore && (
                <Button size="small" onClick={() => setRestoring(true)} data-testid="enterprise-restore">
                  {m.restore}
                </Button>
              )
            }
          />
        )}
        {e.shouldFormBranch && (
          <Alert
            type="warning"
            showIcon
            title={m.detail.shouldForm(e.fullMemberCount)}
            style={{ marginBottom: 16 }}
            data-testid="should-form"
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            {
              key: 'code',
              label: m.field.creditCode,
              children: <span style={{ fontVariantNumeric: 'tabular-nums' }}>{e.creditCode}</span>,
            },
            {
              key: 'area',
              label: m.col.area,
              children: [e.districtName, e.parkName]
                .filter((n): n is string => Boolean(n))
                .map(shortOrgName)
                .join(' · '),
            },
            {
              key: 'staff',
              label: m.field.employeeCount,
              children: `${e.employeeCount ?? '—'}${e.inScope ? '' : `（${m.outScopeTag}）`}`,
            },
            { key: 'founded', label: m.field.foundedOn, children: formatDate(e.foundedOn) },
            { key: 'legal', label: m.field.legalRepresentative, children: e.legalRepresentative ?? '—' },
            { key: 'contact', label: m.field.contactName, children: e.contactName ?? '—' },
            { key: 'premises', label: m.field.hasFixedPremises, children: e.hasFixedPremises ? '有' : '无' },
            { key: 'business', label: m.field.mainBusiness, children: e.mainBusiness ?? '—' },
            { key: 'address', label: m.field.address, children: e.address ?? '—' },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={m.detail.org} size="small" style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'kind', label: m.col.coverage, children: <CoverageTag kind={e.coverageKind} /> },
                {
                  key: 'org',
                  label: m.col.coveringOrg,
                  children: e.coveringOrg ? <Link to={`/orgs/${e.coveringOrg.id}`}>{e.coveringOrg.name}</Link> : '—',
                },
                { key: 'members', label: m.detail.members, children: m.detail.membersValue(e.memberCount, e.fullMemberCount) },
              ]}
            />
            {e.abilities.manage && (
              <Popconfirm
                title={m.detail.linkMembers}
                description={<div style={{ maxWidth: 280 }}>{m.detail.linkMembersHelp}</div>}
                onConfirm={() => linkMembers.run()}
              >
                <Button size="small" data-testid="link-members">
                  {m.detail.linkMembers}
                </Button>
              </Popconfirm>
            )}
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {m.detail.contacts}
            </Typography.Title>
            <EnterpriseContacts e={e} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={m.detail.instructors} size="small" style={{ height: '100%' }}>
            <EnterpriseInstructors e={e} />
          </Card>
        </Col>
        {ENTERPRISE_DETAIL_SECTIONS.map(({ key, title, Component }) => (
          <Col xs={24} key={key}>
            <Card title={title} size="small">
              <Suspense fallback={<Spin />}>
                <Component enterpriseId={e.id} enterpriseName={e.name} />
              </Suspense>
            </Card>
          </Col>
        ))}
      </Row>
      {editing && <EnterpriseFormDrawer enterprise={e} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      <Modal
        open={archiving}
        title={m.archiveTitle}
        okText={m.archive}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        onOk={() => archive.run()}
        onCancel={() => setArchiving(false)}
      >
        <Input.TextArea
          rows={3}
          maxLength={200}
          placeholder={m.archiveReason}
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
        />
      </Modal>
      <Modal
        open={restoring}
        title={m.restoreTitle}
        okText={m.restore}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onOk={() => restore.run()}
        onCancel={() => setRestoring(false)}
      >
        <Input.TextArea
          rows={3}
          maxLength={200}
          placeholder={m.restoreReason}
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
        />
      </Modal>
    </Space>
  );
}
