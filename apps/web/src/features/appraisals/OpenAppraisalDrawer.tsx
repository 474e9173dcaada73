import { beijingYear } from '@tongxin/contracts/labels';
import { Form, InputNumber } from 'antd';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { useMe } from '../auth/api';
import { OrgPicker } from '../orgs/OrgPicker';
import { appraisalApi } from './api';
import { appraisalMessages as m } from './messages';

interface Values {
  orgId: string;
  year: number;
}

const thisYear = () => beijingYear(Date.now());

/** 开展年度民主评议: a branch and a year; every member of the branch on the ledger takes part. */
export function OpenAppraisalDrawer({ onClose, onOpened }: { onClose: () => void; onOpened: (id: string) => void }) {
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const home = me?.grants.find((g) => g.role === 'secretary' && g.orgId);
  const open = useAction((v: Values) => appraisalApi.open(v), {
    form,
    fields: ['orgId', 'year'],
    onSuccess: ({ id }) => onOpened(id),
  });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) open.run(v);
  };
  return (
    <FormDrawer
      title={m.openTitle}
      busy={open.busy}
      error={open.formError}
      submitText={m.openSubmit}
      submitTestId="appraisal-open-submit"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ orgId: home?.orgId ?? undefined, year: thisYear() }}>
        <Form.Item name="orgId" label={m.form.org} extra={m.form.orgHint} rules={[{ required: true, message: m.pickOrg }]}>
          <OrgPicker initialLabel={home?.orgName ?? null} placeholder={m.pickOrg} />
        </Form.Item>
        <Form.Item name="year" label={m.form.year} rules={[{ required: true, message: '请填写评议年度' }]}>
          <InputNumber min={2000} max={thisYear()} precision={0} style={{ width: 160 }} data-testid="appraisal-year" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
