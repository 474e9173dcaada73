import type { AppraisalEntry } from '@tongxin/contracts';
import { APPRAISAL_GRADE_LABELS, APPRAISAL_GRADES, type AppraisalGrade } from '@tongxin/contracts/labels';
import { Alert, Col, Descriptions, Drawer, Form, Input, InputNumber, Radio, Row } from 'antd';
import { FormDrawer } from '../../components/FormDrawer';
import { isApiError } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { useIsMobile } from '../../lib/useIsMobile';
import { appraisalApi } from './api';
import { appraisalMessages as m } from './messages';

interface Values {
  selfAssessment: string;
  excellent: number | null;
  qualified: number | null;
  basicallyQualified: number | null;
  unqualified: number | null;
  committeeOpinion: string;
  grade: AppraisalGrade | null;
}

const TALLIES = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;

/** One member's assessments: self, mutual tallies, the committee's opinion and the grade (read-only once closed). */
export function EntryDrawer({
  appraisalId,
  entry,
  editable,
  onClose,
  onSaved,
}: {
  appraisalId: string;
  entry: AppraisalEntry;
  editable: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const save = useAction(
    (v: Values) => {
      const anyTally = TALLIES.some((k) => v[k] !== null && v[k] !== undefined);
      return appraisalApi.update(appraisalId, entry.id, {
        selfAssessment: v.selfAssessment || null,
        mutual: anyTally
          ? {
              excellent: v.excellent ?? 0,
              qualified: v.qualified ?? 0,
              basicallyQualified: v.basicallyQualified ?? 0,
              unqualified: v.unqualified ?? 0,
            }
          : null,
        committeeOpinion: v.committeeOpinion || null,
        grade: entry.memberStatus === 'probationary' ? null : (v.grade ?? null),
        version: entry.version,
      });
    },
    {
      form,
      fields: ['selfAssessment', 'committeeOpinion', 'grade'],
      success: m.saved,
      onSuccess: onSaved,
      // The four tallies are one server field ("mutual"): its message goes above the form.
      onError: (e) => {
        const mutual = isApiError(e) ? e.fields.find((f) => f.path.startsWith('mutual')) : undefined;
        if (mutual) save.setFormError(mutual.message);
      },
    },
  );
  const probationary = entry.memberStatus === 'probationary';

  if (!editable) {
    return (
      <Drawer open title={m.entryTitle(entry.memberName)} size={mobile ? '100%' : 520} onClose={onClose}>
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            {
              key: 'self',
              label: m.entryForm.self,
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{entry.selfAssessment ?? '—'}</span>,
            },
            {
              key: 'mutual',
              label: m.entryForm.mutual,
              children: entry.mutual ? TALLIES.map((k) => `${m.entryForm[k]} ${entry.mutual![k]}`).join('，') : '—',
            },
            { key: 'opinion', label: m.entryForm.opinion, children: entry.committeeOpinion ?? '—' },
            {
              key: 'grade',
              label: m.entryForm.grade,
              children: entry.grade ? APPRAISAL_GRADE_LABELS[entry.grade] : probationary ? m.noGrade : '—',
            },
          ]}
        />
      </Drawer>
    );
  }

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) save.run(v);
  };

  return (
    <FormDrawer
      title={m.entryTitle(entry.memberName)}
      width={560}
      busy={save.busy}
      error={save.formError}
      submitTestId="entry-save"
      onSubmit={submit}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          selfAssessment: entry.selfAssessment ?? '',
          excellent: entry.mutual?.excellent ?? null,
          qualified: entry.mutual?.qualified ?? null,
          basicallyQualified: entry.mutual?.basicallyQualified ?? null,
          unqualified: entry.mutual?.unqualified ?? null,
          committeeOpinion: entry.committeeOpinion ?? '',
          grade: entry.grade,
        }}
      >
        <Form.Item name="selfAssessment" label={m.entryForm.self}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={m.entryForm.selfPlaceholder} />
        </Form.Item>
        <Form.Item label={m.entryForm.mutual} extra={m.entryForm.mutualHint} style={{ marginBottom: 8 }}>
          <Row gutter={8}>
            {TALLIES.map((k) => (
              <Col span={mobile ? 12 : 6} key={k}>
                <Form.Item name={k} label={m.entryForm[k]} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
        <Form.Item name="committeeOpinion" label={m.entryForm.opinion} extra={m.entryForm.opinionHint}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {probationary ? (
          <Alert type="info" showIcon title={m.entryForm.probationaryHint} />
        ) : (
          <Form.Item name="grade" label={m.entryForm.grade}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="entry-grade"
              options={APPRAISAL_GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))}
            />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
