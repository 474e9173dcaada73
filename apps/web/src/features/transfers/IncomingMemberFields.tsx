import {
  EDUCATION_LABELS,
  ETHNICITIES,
  GENDER_LABELS,
  MEMBER_STATUS_LABELS,
  MOBILITY_LABELS,
  TALENT_LABELS,
} from '@tongxin/contracts/labels';
import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { beijingToday } from '../members/dates';
import { memberMessages as mm } from '../members/messages';

const f = mm.field;
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > beijingToday();
const datePicker = (
  <DatePicker format="YYYY-MM-DD" placeholder={mm.datePlaceholder} disabledDate={afterToday} style={{ width: '100%' }} />
);

/**
 * The incoming member's record (a transfer into the city), under `member` in the form: the same fields and
 * rules as a new member's record, since it becomes one on acceptance.
 */
export function IncomingMemberFields({ grid }: { grid: (children: ReactNode) => ReactNode }) {
  const name = (field: string) => ['member', field];
  const wide = { gridColumn: '1 / -1' };
  return grid(
    <>
      <Form.Item name={name('name')} label={f.name} rules={[{ required: true, whitespace: true, message: mm.nameRequired }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={name('idNumber')}
        label={f.idNumber}
        extra={mm.idNumberHelp}
        rules={[{ required: true, whitespace: true, message: mm.idNumberRequired }]}
      >
        <Input maxLength={18} autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} />
      </Form.Item>
      <Form.Item name={name('gender')} label={f.gender} rules={[{ required: true, message: mm.genderRequired }]}>
        <Radio.Group options={options(GENDER_LABELS)} />
      </Form.Item>
      <Form.Item name={name('birthDate')} label={f.birthDate} rules={[{ required: true, message: mm.birthDateRequired }]}>
        {datePicker}
      </Form.Item>
      <Form.Item name={name('ethnicity')} label={f.ethnicity} rules={[{ required: true, message: mm.ethnicityRequired }]}>
        <Select showSearch options={ETHNICITIES.map((e) => ({ value: e, label: e }))} />
      </Form.Item>
      <Form.Item name={name('education')} label={f.education} rules={[{ required: true, message: mm.educationRequired }]}>
        <Select options={options(EDUCATION_LABELS)} />
      </Form.Item>
      <Form.Item name={name('phone')} label={f.phone} extra={mm.phoneHelp}>
        <Input maxLength={20} autoComplete="off" inputMode="tel" />
      </Form.Item>
      <Form.Item name={name('joinedOn')} label={f.joinedOn} rules={[{ required: true, message: mm.joinedOnRequired }]}>
        {datePicker}
      </Form.Item>
      <Form.Item name={name('status')} label={f.status} rules={[{ required: true, message: mm.statusRequired }]}>
        <Radio.Group options={options(MEMBER_STATUS_LABELS)} />
      </Form.Item>
      <Form.Item name={name('fullOn')} label={f.fullOn} extra={mm.fullOnHelp}>
        {datePicker}
      </Form.Item>
      <Form.Item name={name('mobility')} label={f.mobility} rules={[{ required: true, message: mm.mobilityRequired }]}>
        <Select options={options(MOBILITY_LABELS)} />
      </Form.Item>
      <Form.Item name={name('employerName')} label={f.employerName}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name={name('position')} label={f.position}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name={name('talents')} label={f.talents} style={wide}>
        <Checkbox.Group options={options(TALENT_LABELS)} />
      </Form.Item>
    </>,
  );
}
