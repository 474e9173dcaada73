import { Form, Input } from 'antd';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { OrgPicker } from '../orgs/OrgPicker';
import { accountApi, useInvalidateAccounts } from './api';
import { accountMessages as m } from './messages';
import type { Secret } from './SecretModal';

interface Values {
  username: string;
  displayName: string;
  homeOrgId?: string | null;
}

export function CreateAccountDrawer({
  orgRequired,
  onClose,
  onCreated,
}: {
  /** Committee admins create accounts inside their tree; only the system admin may leave the org empty. */
  orgRequired: boolean;
  onClose: () => void;
  onCreated: (secret: Secret) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useAction(
    (v: Values) =>
      accountApi.create({ username: v.username.trim(), displayName: v.displayName.trim(), homeOrgId: v.homeOrgId ?? null }),
    {
      form,
      fields: ['username', 'displayName', 'homeOrgId'],
      invalidate: useInvalidateAccounts(),
      onSuccess: (res) =>
        onCreated({
          title: m.initialPasswordTitle,
          label: m.passwordFor(res.account.displayName),
          password: res.initialPassword,
        }),
    },
  );

  return (
    <FormDrawer
      title={m.createTitle}
      busy={create.busy}
      error={create.formError}
      submitTestId="create-account-submit"
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={create.run}>
        <Form.Item
          name="username"
          label={m.username}
          extra={m.usernameRule}
          rules={[
            { required: true, whitespace: true, message: m.usernameRequired },
            { min: 3, message: '用户名至少3个字符' },
            { max: 32, message: '用户名不能超过32个字符' },
            { pattern: /^[A-Za-z0-9_.@-]+$/, message: '用户名只能包含字母、数字和 _ . @ -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={m.displayName}
          rules={[{ required: true, whitespace: true, message: m.displayNameRequired }]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="homeOrgId"
          label={m.homeOrg}
          extra={m.homeOrgHelp}
          rules={orgRequired ? [{ required: true, message: m.homeOrgRequired }] : []}
        >
          <OrgPicker allowClear={!orgRequired} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
