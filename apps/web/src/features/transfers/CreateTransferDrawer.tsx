import type { CreateTransferBody, MemberSummary } from '@tongxin/contracts';
import {
  TRANSFER_DIRECTION_LABELS,
  TRANSFER_REASON_LABELS,
  type TransferDirection,
  type TransferReason,
  transferDates,
  validityMonths,
} from '@tongxin/contracts/labels';
import { Alert, DatePicker, Divider, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { useIsMobile } from '../../lib/useIsMobile';
import { beijingToday } from '../members/dates';
import { createBody, factsFromIdNumber, formIssues, type MemberFormValues, NEW_MEMBER } from '../members/memberForm';
import { memberMessages as mm } from '../members/messages';
import { OrgPicker } from '../orgs/OrgPicker';
import { transferApi, useInvalidateTransfers } from './api';
import { DestinationPicker } from './DestinationPicker';
import { IncomingMemberFields } from './IncomingMemberFields';
import { MemberPicker } from './MemberPicker';
import { transferMessages as m } from './messages';

interface Values {
  direction: TransferDirection;
  memberId?: string | null;
  toOrgId?: string | null;
  externalOrgName?: string;
  crossProvince?: boolean;
  letterNo?: string;
  issuedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
  reason?: TransferReason;
  note?: string;
  member?: MemberFormValues;
}

const FIELDS = [
  'direction',
  'memberId',
  'toOrgId',
  'externalOrgName',
  'crossProvince',
  'letterNo',
  'issuedOn',
  'validUntil',
  'reason',
  'note',
  'member',
] as const;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/** 发起转接: a letter for a member of the user's scope (within the city or out of it), or a member coming in. */
export function CreateTransferDrawer({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (direction: TransferDirection) => void;
}) {
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const create = useAction((body: CreateTransferBody) => transferApi.create(body), {
    form,
    fields: FIELDS,
    invalidate: useInvalidateTransfers(),
    success: m.created,
    onSuccess: (_, body) => onCreated(body.direction),
  });
  const [fromOrgId, setFromOrgId] = useState<string | null>(null);
  const direction = Form.useWatch('direction', form) ?? 'within';
  const issuedOn = Form.useWatch('issuedOn', form);
  const crossProvince = Form.useWatch('crossProvince', form) ?? false;
  const cross = direction === 'within' ? false : crossProvince;
  const issued = day(issuedOn) || beijingToday();
  const rule = transferDates(issued, cross);

  /** The validity follows the rule whenever what it depends on changes (the user may then shorten it). */
  const resetValidity = (next: Partial<Values>) => {
    const v = { ...form.getFieldsValue(), ...next };
    const start = day(v.issuedOn);
    if (!start) return;
    const c = v.direction === 'within' ? false : (v.crossProvince ?? false);
    form.setFieldsValue({ validUntil: dayjs(transferDates(start, c).validUntil) });
  };

  const submit = (v: Values) => {
    create.setFormError(null);
    let body: CreateTransferBody;
    const letter = {
      letterNo: v.letterNo!.trim(),
      issuedOn: day(v.issuedOn),
      validUntil: day(v.validUntil) || undefined,
      reason: v.reason!,
      note: v.note?.trim() || null,
    };
    if (v.direction === 'in') {
      const issues = formIssues(v.member ?? {}, beijingToday(), false);
      if (issues.length) {
        form.setFields(issues.map((i) => ({ name: ['member', i.field], errors: [i.message] })));
        create.setFormError(m.form.checkFailed);
        return;
      }
      const { orgId: _orgId, enterpriseId: _enterpriseId, ...member } = createBody({ ...v.member, orgId: v.toOrgId! });
      body = {
        direction: 'in',
        toOrgId: v.toOrgId!,
        externalOrgName: v.externalOrgName!.trim(),
        crossProvince: v.crossProvince ?? false,
        member,
        ...letter,
      };
    } else if (v.direction === 'out') {
      body = {
        direction: 'out',
        memberId: v.memberId!,
        externalOrgName: v.externalOrgName!.trim(),
        crossProvince: v.crossProvince ?? false,
        ...letter,
      };
    } else body = { direction: 'within', memberId: v.memberId!, toOrgId: v.toOrgId!, ...letter };
    create.run(body);
  };

  const grid = (children: ReactNode) => (
    <div style={{ display: 'grid', gridTemplateColumns: mobile ? '1fr' : '1fr 1fr', columnGap: 16 }}>{children}</div>
  );
  const wide = { gridColumn: '1 / -1' };
  const f = m.form;

  return (
    <FormDrawer
      title={m.createTitle}
      width={direction === 'in' ? 720 : 560}
      busy={create.busy}
      error={create.formError}
      submitText={m.createSubmit}
      submitTestId="transfer-submit"
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={m.tracking} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          direction: 'within',
          crossProvince: false,
          issuedOn: dayjs(beijingToday()),
          validUntil: dayjs(transferDates(beijingToday(), false).validUntil),
          reason: 'job_change',
          member: NEW_MEMBER,
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('direction' in changed || 'crossProvince' in changed || 'issuedOn' in changed) resetValidity(changed);
          if ('direction' in changed) form.setFieldsValue({ toOrgId: null });
          const idNumber = changed.member?.idNumber;
          if (idNumber !== undefined) {
            const facts = factsFromIdNumber(idNumber, beijingToday());
            if (facts) form.setFieldsValue({ member: facts });
          }
        }}
      >
        <Form.Item name="direction" label={f.direction} extra={f.directionHelp[direction]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={options(TRANSFER_DIRECTION_LABELS)} />
        </Form.Item>

        {direction !== 'in' && (
          <Form.Item name="memberId" label={f.member} rules={[{ required: true, message: f.memberRequired }]}>
            <MemberPicker onChange={(_id, hit: MemberSummary | null) => setFromOrgId(hit?.orgId ?? null)} />
          </Form.Item>
        )}
        {direction === 'within' && (
          <Form.Item
            name="toOrgId"
            label={f.destination}
            extra={f.destinationHelp}
            rules={[{ required: true, message: f.destinationRequired }]}
          >
            <DestinationPicker exclude={fromOrgId} />
          </Form.Item>
        )}
        {direction === 'in' && (
          <Form.Item
            name="toOrgId"
            label={f.receivingOrg}
            extra={mm.orgHelp}
            rules={[{ required: true, message: f.receivingOrgRequired }]}
          >
            <OrgPicker />
          </Form.Item>
        )}
        {direction !== 'within' &&
          grid(
            <>
              <Form.Item
                name="externalOrgName"
                label={direction === 'out' ? f.externalTo : f.externalFrom}
                rules={[{ required: true, whitespace: true, min: 2, message: f.externalRequired }]}
                style={mobile ? undefined : { gridColumn: '1 / 2' }}
              >
                <Input maxLength={80} placeholder={f.externalPlaceholder} />
              </Form.Item>
              <Form.Item name="crossProvince" label={f.crossProvince}>
                <Radio.Group
                  options={[
                    { value: false, label: f.crossProvinceOptions.no },
                    { value: true, label: f.crossProvinceOptions.yes },
                  ]}
                />
              </Form.Item>
            </>,
          )}

        <Divider titlePlacement="start">{f.letterSection}</Divider>
        {grid(
          <>
            <Form.Item
              name="letterNo"
              label={f.letterNo}
              rules={[{ required: true, whitespace: true, message: f.letterNoRequired }]}
            >
              <Input maxLength={40} placeholder={f.letterNoPlaceholder} data-testid="transfer-letter" />
            </Form.Item>
            <Form.Item name="reason" label={f.reason} rules={[{ required: true, message: f.reasonRequired }]}>
              <Select options={options(TRANSFER_REASON_LABELS)} />
            </Form.Item>
            <Form.Item name="issuedOn" label={f.issuedOn} rules={[{ required: true, message: f.issuedOnRequired }]}>
              <DatePicker
                format="YYYY-MM-DD"
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > beijingToday()}
              />
            </Form.Item>
            <Form.Item
              name="validUntil"
              label={f.validUntil}
              extra={f.validUntilHelp(validityMonths(cross), rule.receiptDue)}
              rules={[{ required: true, message: f.validUntilRequired }]}
            >
              <DatePicker
                format="YYYY-MM-DD"
                style={{ width: '100%' }}
                disabledDate={(d) => {
                  const s = d.format('YYYY-MM-DD');
                  return s <= issued || s > rule.validUntil;
                }}
              />
            </Form.Item>
            <Form.Item name="note" label={f.note} style={wide}>
              <Input.TextArea rows={2} maxLength={200} showCount />
            </Form.Item>
          </>,
        )}

        {direction === 'in' && (
          <>
            <Divider titlePlacement="start">{f.memberSection}</Divider>
            <IncomingMemberFields grid={grid} />
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
