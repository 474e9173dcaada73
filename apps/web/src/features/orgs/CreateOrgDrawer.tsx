import type { CommitteeLevel, OrgDetail, OrgKind } from '@tongxin/contracts';
import { ALLOWED_CHILD_KINDS, COMMITTEE_LEVEL_LABELS, ORG_KIND_LABELS } from '@tongxin/contracts/labels';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { orgApi, useInvalidateOrgs } from './api';
import { orgMessages as m } from './messages';

interface Values {
  name: string;
  kind: OrgKind;
  level?: CommitteeLevel;
  foundedOn?: Dayjs | null;
}

/** Committee levels nest downwards only: city → district → park (mirrors the server's placement rule). */
function levelsUnder(parentLevel: CommitteeLevel | null): CommitteeLevel[] {
  if (parentLevel === 'city') return ['district', 'park'];
  if (parentLevel === 'district') return ['park'];
  return [];
}

export function CreateOrgDrawer({ parent, onClose }: { parent: OrgDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const create = useAction(
    (v: Values) =>
      orgApi.create({
        parentId: parent.id,
        name: v.name.trim(),
        kind: v.kind,
        ...(v.kind === 'committee' && v.level ? { level: v.level } : {}),
        ...(v.foundedOn ? { foundedOn: v.foundedOn.format('YYYY-MM-DD') } : {}),
      }),
    {
      form,
      fields: ['name', 'kind', 'level', 'foundedOn'],
      invalidate: useInvalidateOrgs(),
      success: (_, v) => m.created(v.name.trim()),
      onSuccess: onClose,
    },
  );
  const levels = levelsUnder(parent.level);
  const kinds = ALLOWED_CHILD_KINDS[parent.kind].filter((k) => k !== 'committee' || levels.length > 0);

  return (
    <FormDrawer
      title={m.createTitle}
      busy={create.busy}
      error={create.formError}
      submitTestId="create-org-submit"
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={create.run}
        initialValues={{ kind: kinds.length === 1 ? kinds[0] : undefined, level: levels.length === 1 ? levels[0] : undefined }}
      >
        <Form.Item label={m.createParent}>
          <Input value={parent.name} disabled />
        </Form.Item>
        <Form.Item name="kind" label={m.kind} rules={[{ required: true, message: m.kindRequired }]}>
          <Select options={kinds.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))} placeholder={m.kindRequired} />
        </Form.Item>
        {kind === 'committee' && (
          <Form.Item name="level" label={m.level} rules={[{ required: true, message: m.levelRequired }]}>
            <Select options={levels.map((l) => ({ value: l, label: COMMITTEE_LEVEL_LABELS[l] }))} placeholder={m.levelRequired} />
          </Form.Item>
        )}
        <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
          <Input maxLength={60} showCount placeholder="如：中共XX区互联网行业委员会、XX科技有限公司党支部" />
        </Form.Item>
        <Form.Item name="foundedOn" label={m.foundedOn}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
