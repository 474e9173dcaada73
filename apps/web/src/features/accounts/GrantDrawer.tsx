import type { AccountView, Reach, Role } from '@tongxin/contracts';
import { isAdminRole, REACH_LABELS, REACHES, ROLE_LABELS, ROLES } from '@tongxin/contracts/labels';
import { Alert, Form, Select } from 'antd';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { OrgPicker } from '../orgs/OrgPicker';
import { accountApi, useInvalidateAccounts } from './api';
import { GrantTags } from './GrantTags';
import { accountMessages as m } from './messages';

interface Values {
  role: Role;
  orgId?: string | null;
  reach: Reach;
}

export function GrantDrawer({
  account,
  adminRoles,
  onClose,
}: {
  account: AccountView;
  /** Only the security admin may grant the 三员 roles. */
  adminRoles: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const systemWide = role !== undefined && isAdminRole(role);
  const roles = ROLES.filter((r) => adminRoles || !isAdminRole(r));

  const grant = useAction(
    (v: Values) =>
      accountApi.grant({ userId: account.id, role: v.role, orgId: systemWide ? null : (v.orgId ?? null), reach: v.reach }),
    { form, fields: ['role', 'orgId', 'reach'], invalidate: useInvalidateAccounts(), success: m.granted, onSuccess: onClose },
  );

  return (
    <FormDrawer
      title={m.grantTitle(account.displayName)}
      busy={grant.busy}
      error={grant.formError}
      submitText="确定"
      submitTestId="grant-submit"
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      {account.grants.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <div style={{ marginBottom: 6, color: '#666' }}>{m.currentGrants}</div>
          <GrantTags account={account} readOnly />
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={grant.run}
        initialValues={{ reach: 'subtree', orgId: account.homeOrgId }}
      >
        <Form.Item name="role" label={m.role} rules={[{ required: true, message: m.roleRequired }]}>
          <Select options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} placeholder={m.roleRequired} />
        </Form.Item>
        {systemWide ? (
          <Alert type="info" showIcon title={m.adminRoleNote} style={{ marginBottom: 16 }} />
        ) : (
          <>
            <Form.Item name="orgId" label={m.grantOrg} rules={[{ required: true, message: m.grantOrgRequired }]}>
              <OrgPicker initialLabel={account.homeOrgName} />
            </Form.Item>
            <Form.Item name="reach" label={m.reach}>
              <Select options={REACHES.map((r) => ({ value: r, label: REACH_LABELS[r] }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
