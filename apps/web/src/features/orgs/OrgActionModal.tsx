import type { OrgDetail } from '@tongxin/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { useAction } from '../../lib/useAction';
import { orgApi, useInvalidateOrgs } from './api';
import { orgMessages as m } from './messages';
import { OrgPicker } from './OrgPicker';

export type OrgAction = 'rename' | 'move' | 'merge' | 'dissolve';

interface Values {
  name?: string;
  newParentId?: string;
  intoOrgId?: string;
  reason?: string;
}

const TITLES: Record<OrgAction, string> = {
  rename: m.renameTitle,
  move: m.moveTitle,
  merge: m.mergeTitle,
  dissolve: m.dissolveTitle,
};
const DONE: Record<OrgAction, string> = { rename: m.renamed, move: m.moved, merge: m.merged, dissolve: m.dissolved };
const reasonRules = [{ required: true, whitespace: true, min: 2, message: m.reasonRequired }];

export function OrgActionModal({ org, action, onClose }: { org: OrgDetail; action: OrgAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const act = useAction(
    async (v: Values) => {
      if (action === 'rename') await orgApi.rename(org.id, v.name!.trim());
      if (action === 'move') await orgApi.move(org.id, v.newParentId!);
      if (action === 'merge') await orgApi.merge(org.id, v.intoOrgId!, v.reason!.trim());
      if (action === 'dissolve') await orgApi.dissolve(org.id, v.reason!.trim());
    },
    {
      form,
      fields: ['name', 'newParentId', 'intoOrgId', 'reason'],
      invalidate: useInvalidateOrgs(),
      success: DONE[action],
      onSuccess: onClose,
    },
  );

  return (
    <Modal
      open
      title={TITLES[action]}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action === 'dissolve' ? m.dissolve : undefined}
      okButtonProps={{ danger: action === 'dissolve' || action === 'merge', loading: act.busy }}
      destroyOnHidden
    >
      {action === 'dissolve' && (
        <Alert type="warning" showIcon title={m.dissolveWarning(org.name)} style={{ marginBottom: 16 }} />
      )}
      {action === 'merge' && <Alert type="warning" showIcon title={m.mergeWarning} style={{ marginBottom: 16 }} />}
      {act.formError && <Alert type="error" showIcon title={act.formError} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={act.run} initialValues={{ name: org.name }}>
        {action === 'rename' && (
          <Form.Item name="name" label={m.newName} rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
            <Input maxLength={60} showCount />
          </Form.Item>
        )}
        {action === 'move' && (
          <Form.Item name="newParentId" label={m.newParent} rules={[{ required: true, message: m.newParentRequired }]}>
            <OrgPicker exclude={org.parentId ? [org.id, org.parentId] : [org.id]} />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="intoOrgId" label={m.mergeInto} rules={[{ required: true, message: m.mergeIntoRequired }]}>
            <OrgPicker exclude={[org.id]} />
          </Form.Item>
        )}
        {(action === 'merge' || action === 'dissolve') && (
          <Form.Item name="reason" label={action === 'merge' ? m.mergeReason : m.dissolveReason} rules={reasonRules}>
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
