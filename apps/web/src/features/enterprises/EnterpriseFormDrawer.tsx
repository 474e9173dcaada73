import type { EnterpriseDetail } from '@tongxin/contracts';
import { OPERATING_STATUS_LABELS, parseCreditCode } from '@tongxin/contracts/labels';
import { DatePicker, Form, Input, InputNumber, Radio, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { OrgPicker } from '../orgs/OrgPicker';
import { enterpriseApi, useInvalidateEnterprises } from './api';
import { enterpriseMessages as m } from './messages';

const f = m.field;

interface Values {
  name: string;
  creditCode: string;
  areaOrgId: string | null;
  address?: string;
  mainBusiness?: string;
  employeeCount?: number | null;
  foundedOn?: Dayjs | null;
  legalRepresentative?: string;
  contactName?: string;
  hasFixedPremises: boolean;
  operatingStatus: keyof typeof OPERATING_STATUS_LABELS;
  coveringOrgId?: string | null;
  reason?: string;
}

/** 登记 or 修改 an enterprise; the credit code is checked as it is typed, the server's answers land under the fields. */
export function EnterpriseFormDrawer({
  enterprise,
  onClose,
  onSaved,
}: {
  enterprise?: EnterpriseDetail;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const e = enterprise;
  const initial: Partial<Values> = e
    ? {
        name: e.name,
        creditCode: e.creditCode,
        areaOrgId: e.area.id,
        address: e.address ?? '',
        mainBusiness: e.mainBusiness ?? '',
        employeeCount: e.employeeCount,
        foundedOn: e.foundedOn ? dayjs(e.foundedOn) : null,
        legalRepresentative: e.legalRepresentative ?? '',
        contactName: e.contactName ?? '',
        hasFixedPremises: e.hasFixedPremises,
        operatingStatus: e.operatingStatus,
        coveringOrgId: e.coveringOrg?.id ?? null,
      }
    : { hasFixedPremises: true, operatingStatus: 'operating', areaOrgId: null, coveringOrgId: null };

  const save = useAction(
    async (v: Values) => {
      const body = {
        name: v.name,
        creditCode: v.creditCode,
        areaOrgId: v.areaOrgId ?? '',
        address: v.address || null,
        mainBusiness: v.mainBusiness || null,
        employeeCount: v.employeeCount ?? null,
        foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
        legalRepresentative: v.legalRepresentative || null,
        contactName: v.contactName || null,
        hasFixedPremises: v.hasFixedPremises,
        operatingStatus: v.operatingStatus,
        coveringOrgId: v.coveringOrgId ?? null,
      };
      if (!e) return (await enterpriseApi.create(body)).id;
      await enterpriseApi.update(e.id, { ...body, version: e.version, reason: v.reason ?? '' });
      return e.id;
    },
    {
      form,
      fields: Object.keys(f),
      invalidate: useInvalidateEnterprises(),
      success: e ? m.saved : m.created,
      onSuccess: onSaved,
    },
  );

  return (
    <FormDrawer
      title={e ? `${m.edit}：${e.name}` : m.create}
      width={560}
      busy={save.busy}
      error={save.formError}
      submitTestId="enterprise-save"
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save.run} requiredMark>
        <Form.Item name="name" label={f.name} rules={[{ required: true, min: 2, message: '请填写企业名称（至少2个字）' }]}>
          <Input maxLength={80} data-testid="enterprise-name" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={f.creditCode}
          extra={m.codeHint}
          rules={[
            { required: true, message: '请填写统一社会信用代码' },
            {
              validator: async (_, value: string) => {
                if (!value) return;
                const r = parseCreditCode(value);
                if (!r.ok) throw new Error(r.message);
              },
            },
          ]}
        >
          <Input maxLength={24} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="enterprise-code" />
        </Form.Item>
        <Form.Item
          name="areaOrgId"
          label={f.areaOrgId}
          extra={m.areaHint}
          rules={[{ required: true, message: '请选择所属区县或园区党委' }]}
        >
          <OrgPicker initialLabel={e?.area.name ?? null} />
        </Form.Item>
        <Form.Item name="coveringOrgId" label={f.coveringOrgId} extra={m.coveringHint}>
          <OrgPicker allowClear initialLabel={e?.coveringOrg?.name ?? null} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="employeeCount" label={f.employeeCount} style={{ flex: '1 1 140px' }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="enterprise-employees" />
          </Form.Item>
          <Form.Item name="foundedOn" label={f.foundedOn} style={{ flex: '1 1 160px' }}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="operatingStatus" label={f.operatingStatus} style={{ flex: '1 1 200px' }}>
            <Radio.Group
              optionType="button"
              options={Object.entries(OPERATING_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="hasFixedPremises" label={f.hasFixedPremises} valuePropName="checked" style={{ flex: '0 0 120px' }}>
            <Switch checkedChildren="有" unCheckedChildren="无" />
          </Form.Item>
        </div>
        <Form.Item name="address" label={f.address}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="mainBusiness" label={f.mainBusiness}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="legalRepresentative" label={f.legalRepresentative} style={{ flex: '1 1 140px' }}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactName" label={f.contactName} style={{ flex: '1 1 140px' }}>
            <Input maxLength={30} />
          </Form.Item>
        </div>
        {e && (
          <Form.Item name="reason" label={f.reason} rules={[{ required: true, min: 2, message: '请填写修改原因' }]}>
            <Input maxLength={200} placeholder="如：工商变更登记、年度核实" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
