import { DEFAULT_RUBRIC } from '@tongxin/contracts/labels';
import { Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../lib/forms';
import { useMe } from '../auth/api';
import { OrgPicker } from '../orgs/OrgPicker';
import { ratingApi, useRubrics } from './api';

interface Values {
  orgId: string;
  title: string;
  year: number;
  rubricVersion: string;
  selfFrom: string;
  selfUntil: string;
}
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (d: number) => new Date(Date.now() + 8 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);

/** 开展五星创评: a committee, a title and year, the rubric version, and the self-rating window. */
export function OpenRoundDrawer({ onClose, onOpened }: { onClose: () => void; onOpened: (id: string) => void }) {
  const { data: me } = useMe();
  const rubrics = useRubrics();
  const [form] = Form.useForm<Values>();
  const home = me?.grants.find((g) => g.role === 'committee_admin' && g.orgId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const year = Number(today().slice(0, 4));
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      onOpened((await ratingApi.openRound(v)).id);
    } catch (e) {
      setError(applyServerErrors(form, e, ['orgId', 'title', 'year', 'rubricVersion', 'selfFrom', 'selfUntil']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDrawer
      title="开展五星创评"
      busy={busy}
      error={error}
      submitText="开展"
      submitTestId="round-open-submit"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          orgId: home?.orgId ?? undefined,
          year,
          title: `${year}年度非公企业党组织“五星创评”`,
          rubricVersion: DEFAULT_RUBRIC.version,
          selfFrom: today(),
          selfUntil: plusDays(30),
        }}
      >
        <Form.Item
          name="orgId"
          label="开展评定的党委"
          extra="其下所有党支部参加评定"
          rules={[{ required: true, message: '请选择党委' }]}
        >
          <OrgPicker initialLabel={home?.orgName ?? null} placeholder="请选择党委" />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="year" label="评定年度" rules={[{ required: true, message: '请填写评定年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="rubricVersion" label="评定标准" rules={[{ required: true, message: '请选择评定标准' }]}>
          <Select
            options={(rubrics.data?.items ?? []).map((r) => ({ value: r.version, label: `${r.name}（${r.totalPoints}分）` }))}
          />
        </Form.Item>
        <Form.Item name="selfFrom" label="自评开始日期" rules={[{ required: true, message: '请填写自评开始日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="selfUntil" label="自评截止日期" rules={[{ required: true, message: '请填写自评截止日期' }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
