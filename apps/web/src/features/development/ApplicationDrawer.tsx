import {
  EDUCATION_LABELS,
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  GENDERS,
  TALENT_FLAGS,
  TALENT_LABELS,
  type TalentFlag,
} from '@tongxin/contracts/labels';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { factsFromIdNumber } from '../members/memberForm';
import { OrgPicker } from '../orgs/OrgPicker';
import { developmentApi, useInvalidateDevelopment } from './api';
import { developmentMessages } from './messages';

const m = developmentMessages.application;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const FIELDS = [
  'orgId',
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'idNumber',
  'phone',
  'education',
  'employerName',
  'position',
  'appliedOn',
  'talents',
];

interface Values {
  orgId?: string | null;
  name?: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  ethnicity?: string;
  birthDate?: Dayjs | null;
  phone?: string;
  education?: string;
  employerName?: string;
  position?: string;
  appliedOn?: Dayjs | null;
  talents?: TalentFlag[];
}

/** 登记入党申请: opens a person's file with step 1 (the application), then goes to the file. */
export function ApplicationDrawer({
  defaultOrg,
  onClose,
}: {
  defaultOrg: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const create = useAction(
    (v: Values) => {
      const talents = new Set(v.talents ?? []);
      return developmentApi.create({
        orgId: v.orgId ?? '',
        name: v.name ?? '',
        gender: v.gender ?? 'male',
        ethnicity: (v.ethnicity ?? '汉族') as never,
        birthDate: day(v.birthDate),
        idNumber: v.idNumber ?? '',
        phone: v.phone || null,
        education: (v.education ?? 'bachelor') as never,
        employerName: v.employerName || null,
        position: v.position || null,
        appliedOn: day(v.appliedOn),
        talents: Object.fromEntries(TALENT_FLAGS.map((f) => [f, talents.has(f)])) as Record<TalentFlag, boolean>,
      });
    },
    {
      form,
      fields: FIELDS,
      invalidate: useInvalidateDevelopment(),
      success: m.saved,
      onSuccess: ({ id }) => {
        onClose();
        void navigate(`/development/people/${id}`);
      },
    },
  );
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) create.run(v);
  };

  return (
    <FormDrawer
      title={m.title}
      busy={create.busy}
      error={create.formError}
      onSubmit={() => void submit()}
      onClose={onClose}
      submitTestId="application-submit"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: defaultOrg?.id ?? null, ethnicity: '汉族', talents: [] }}
        onValuesChange={(changed: Values) => {
          // The ID number gives the birth date and gender (the same reading as the member form).
          const facts = 'idNumber' in changed ? factsFromIdNumber(changed.idNumber, '9999-12-31') : null;
          if (facts) form.setFieldsValue({ birthDate: facts.birthDate, gender: facts.gender });
        }}
      >
        <Form.Item name="orgId" label={m.org} rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgPicker initialLabel={defaultOrg?.name ?? null} />
        </Form.Item>
        <Form.Item name="name" label={m.name} rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="idNumber" label={m.idNumber} rules={[{ required: true, message: '请填写身份证号' }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="gender" label={m.gender} rules={[{ required: true, message: '请选择性别' }]}>
          <Select options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
        </Form.Item>
        <Form.Item name="birthDate" label={m.birthDate} rules={[{ required: true, message: '请填写出生日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ethnicity" label={m.ethnicity} rules={[{ required: true, message: '请选择民族' }]}>
          <Select showSearch options={ETHNICITIES.map((e) => ({ value: e, label: e }))} />
        </Form.Item>
        <Form.Item name="education" label={m.education} rules={[{ required: true, message: '请选择学历' }]}>
          <Select options={EDUCATIONS.map((e) => ({ value: e, label: EDUCATION_LABELS[e] }))} />
        </Form.Item>
        <Form.Item name="phone" label={m.phone}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="employerName" label={m.employer}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="position" label={m.position}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="appliedOn" label={m.appliedOn} rules={[{ required: true, message: '请填写递交入党申请书日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="talents" label={m.talents}>
          <Checkbox.Group options={TALENT_FLAGS.map((f) => ({ value: f, label: TALENT_LABELS[f] }))} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
