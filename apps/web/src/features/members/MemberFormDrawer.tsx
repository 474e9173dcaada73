import type { MemberDetail } from '@tongxin/contracts';
import {
  EDUCATION_LABELS,
  ETHNICITIES,
  GENDER_LABELS,
  MEMBER_STATUS_LABELS,
  MOBILITY_LABELS,
  TALENT_LABELS,
} from '@tongxin/contracts/labels';
import { Alert, Button, Checkbox, DatePicker, Divider, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { ApiError, isApiError } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';
import { useAction } from '../../lib/useAction';
import { useIsMobile } from '../../lib/useIsMobile';
import { OrgPicker } from '../orgs/OrgPicker';
import { memberApi, useInvalidateMembers } from './api';
import { beijingToday } from './dates';
import { EmployerPicker } from './EmployerPicker';
import {
  createBody,
  factsFromIdNumber,
  formFieldOf,
  formIssues,
  MEMBER_FORM_FIELDS,
  type MemberFormValues,
  NEW_MEMBER,
  updateBody,
  valuesOf,
} from './memberForm';
import { memberMessages as m } from './messages';

const f = m.field;
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > beijingToday();
const datePicker = (
  <DatePicker format="YYYY-MM-DD" placeholder={m.datePlaceholder} disabledDate={afterToday} style={{ width: '100%' }} />
);

type Props = {
  onClose: () => void;
  onSaved: (id: string) => void;
} & ({ member: MemberDetail; org?: undefined } | { member?: undefined; org?: { id: string; name: string } | null });

/** 新建 or 编辑 a member record: the server's rules are checked here first, its answers land under the fields. */
export function MemberFormDrawer({ member, org, onClose, onSaved }: Props) {
  const editing = member !== undefined;
  const mobile = useIsMobile();
  const [form] = Form.useForm<MemberFormValues>();
  const [stale, setStale] = useState(false);
  const invalidate = useInvalidateMembers();
  const save = useAction(
    async (v: MemberFormValues) => {
      if (!member) return (await memberApi.create(createBody(v))).id;
      await memberApi.update(member.id, updateBody(v, member.version));
      return member.id;
    },
    {
      inline: true,
      invalidate,
      success: editing ? m.saved : m.created,
      onSuccess: (id) => onSaved(id),
      // Someone else saved first (a version conflict without fields): offer 刷新 instead of field messages.
      onError: (e) => {
        if (isApiError(e, 'conflict') && e.fields.length === 0) setStale(true);
        else save.setFormError(applyServerErrors(form, toFormFields(e), MEMBER_FORM_FIELDS));
      },
    },
  );
  const error = save.formError;
  const employerName = Form.useWatch('employerName', form);
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? null;

  // After 刷新 the record comes back with a new version: the form starts again from it.
  useEffect(() => {
    if (member) form.setFieldsValue(valuesOf(member));
  }, [member, form]);

  const fillFromIdNumber = (raw: string) => {
    const facts = factsFromIdNumber(raw, beijingToday());
    if (!facts) return;
    form.setFieldsValue(facts);
    void form.validateFields(['birthDate', 'gender']).catch(() => {});
  };

  const submit = (v: MemberFormValues) => {
    save.setFormError(null);
    setStale(false);
    const issues = formIssues(v, beijingToday(), editing);
    if (issues.length) {
      const byField = new Map<string, string[]>();
      for (const i of issues) byField.set(i.field, [...(byField.get(i.field) ?? []), i.message]);
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof MemberFormValues, errors })));
      save.setFormError(m.checkFailed);
      return;
    }
    save.run(v);
  };

  const grid = (children: ReactNode) => (
    <div style={{ display: 'grid', gridTemplateColumns: mobile ? '1fr' : '1fr 1fr', columnGap: 16 }}>{children}</div>
  );
  const wide = { gridColumn: '1 / -1' };

  return (
    <FormDrawer
      title={member ? m.editTitle(member.name) : m.createTitle}
      width={720}
      busy={save.busy}
      error={stale ? null : error}
      submitTestId="member-submit"
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={error ?? m.conflict}
          action={
            <Button
              size="small"
              onClick={async () => {
                await invalidate();
                setStale(false);
                save.setFormError(null);
              }}
            >
              {m.refresh}
            </Button>
          }
          data-testid="member-conflict"
        />
      )}
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={member ? valuesOf(member) : { ...NEW_MEMBER, orgId: org?.id }}
        scrollToFirstError
        onValuesChange={(changed: MemberFormValues) => {
          if (changed.idNumber !== undefined) fillFromIdNumber(changed.idNumber);
        }}
      >
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {m.sectionBasic}
        </Divider>
        {grid(
          <>
            {member ? (
              <Form.Item label={f.orgId} style={wide}>
                <Input value={member.orgName} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="orgId"
                label={f.orgId}
                extra={m.orgHelp}
                rules={[{ required: true, message: m.orgRequired }]}
                style={wide}
              >
                <OrgPicker initialLabel={org?.name ?? null} />
              </Form.Item>
            )}
            <Form.Item name="name" label={f.name} rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={f.idNumber}
              extra={member ? m.idNumberKeep(member.idNumberMasked ?? m.none) : m.idNumberHelp}
              rules={member ? [] : [{ required: true, whitespace: true, message: m.idNumberRequired }]}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                placeholder={member?.idNumberMasked ?? undefined}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              />
            </Form.Item>
            <Form.Item name="gender" label={f.gender} rules={[{ required: true, message: m.genderRequired }]}>
              <Radio.Group options={options(GENDER_LABELS)} />
            </Form.Item>
            <Form.Item name="birthDate" label={f.birthDate} rules={[{ required: true, message: m.birthDateRequired }]}>
              {datePicker}
            </Form.Item>
            <Form.Item name="ethnicity" label={f.ethnicity} rules={[{ required: true, message: m.ethnicityRequired }]}>
              <Select showSearch options={ETHNICITIES.map((e) => ({ value: e, label: e }))} />
            </Form.Item>
            <Form.Item name="education" label={f.education} rules={[{ required: true, message: m.educationRequired }]}>
              <Select options={options(EDUCATION_LABELS)} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={f.phone}
              extra={member?.phoneMasked ? m.phoneKeep(member.phoneMasked) : m.phoneHelp}
              style={member?.phoneMasked ? { marginBottom: 4 } : undefined}
            >
              <Input maxLength={20} autoComplete="off" inputMode="tel" placeholder={member?.phoneMasked ?? undefined} />
            </Form.Item>
            {member?.phoneMasked && (
              <Form.Item name="clearPhone" valuePropName="checked" style={{ alignSelf: 'end' }}>
                <Checkbox>{m.clearPhone}</Checkbox>
              </Form.Item>
            )}
          </>,
        )}
        <Divider titlePlacement="start">{m.sectionParty}</Divider>
        {grid(
          <>
            <Form.Item name="joinedOn" label={f.joinedOn} rules={[{ required: true, message: m.joinedOnRequired }]}>
              {datePicker}
            </Form.Item>
            <Form.Item name="status" label={f.status} rules={[{ required: true, message: m.statusRequired }]}>
              <Radio.Group options={options(MEMBER_STATUS_LABELS)} />
            </Form.Item>
            <Form.Item name="fullOn" label={f.fullOn} extra={m.fullOnHelp}>
              {datePicker}
            </Form.Item>
            <Form.Item name="mobility" label={f.mobility} rules={[{ required: true, message: m.mobilityRequired }]}>
              <Select options={options(MOBILITY_LABELS)} />
            </Form.Item>
            <Form.Item name="talents" label={f.talents} style={wide}>
              <Checkbox.Group options={options(TALENT_LABELS)} />
            </Form.Item>
          </>,
        )}
        <Divider titlePlacement="start">{m.sectionWork}</Divider>
        {grid(
          <>
            <Form.Item
              name="employerName"
              label={f.employerName}
              style={wide}
              extra={
                enterpriseId && employerName
                  ? m.employerLinked(employerName)
                  : employerName?.trim()
                    ? m.employerFreeText
                    : m.employerHelp
              }
            >
              <EmployerPicker enterpriseId={enterpriseId} onLink={(id) => form.setFieldValue('enterpriseId', id)} />
            </Form.Item>
            <Form.Item name="enterpriseId" hidden>
              <Input />
            </Form.Item>
            <Form.Item name="position" label={f.position}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="remarks" label={f.remarks} style={wide}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
            {member && (
              <Form.Item
                name="reason"
                label={m.reason}
                style={wide}
                rules={[{ required: true, whitespace: true, min: 2, message: m.reasonRequired }]}
              >
                <Input.TextArea rows={2} maxLength={200} showCount placeholder={m.reasonPlaceholder} />
              </Form.Item>
            )}
          </>,
        )}
      </Form>
    </FormDrawer>
  );
}

/** The server's field paths renamed to the form's (both employer paths land under the one 工作单位 field). */
function toFormFields(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  const fields = e.fields.map((x) => ({ ...x, path: formFieldOf(x.path) }));
  return new ApiError(e.status, e.code, e.message, fields, e.requestId);
}
