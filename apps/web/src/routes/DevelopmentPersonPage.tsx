import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  DEVELOPMENT_STAGE_LABELS,
  DEVELOPMENT_STATUS_LABELS,
  EDUCATION_LABELS,
  type Education,
  GENDER_LABELS,
  type NoticePurpose,
  STEP,
  stepOf,
  TALENT_FLAGS,
  TALENT_LABELS,
} from '@tongxin/contracts/labels';
import { Alert, Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../features/auth/api';
import { developmentApi, usePerson } from '../features/development/api';
import { developmentMessages } from '../features/development/messages';
import { CloseDrawer, ExtendDrawer, NoticeDrawer } from '../features/development/SmallDrawers';
import { StepDrawer } from '../features/development/StepDrawer';
import { StepTimeline } from '../features/development/StepTimeline';
import { RevealModal } from '../features/members/RevealModal';
import { useIsMobile } from '../lib/useIsMobile';

const m = developmentMessages.person;
type Open = 'step' | 'repeat' | 'notice' | 'extend' | 'close' | 'reveal' | null;

/** A person's file (一人一档): who they are, the 25 steps with their records, and the next step's form. */
export default function DevelopmentPersonPage() {
  const { id = '' } = useParams();
  const mobile = useIsMobile();
  const q = usePerson(id);
  const { data: me } = useMe();
  const [open, setOpen] = useState<Open>(null);
  if (q.error) return <Result status="404" title={q.error.message} extra={<Link to="/development">{m.back}</Link>} />;
  const p = q.data;
  if (!p) return <Card loading />;
  const next = p.nextStep ? stepOf(p.nextStep)! : null;
  const mayRecord = next ? (next.recorder === 'upper' ? p.canApprove : p.canManage) : false;
  const noticeFor: NoticePurpose | null = p.lastStep === 11 ? 'admission' : p.lastStep === 22 ? 'confirmation' : null;
  const noticeDone = noticeFor && p.notices.some((n) => n.purpose === noticeFor);
  const mayExtend =
    p.canManage &&
    p.status === 'active' &&
    p.lastStep >= STEP.admissionApproval &&
    p.lastStep < STEP.confirmationVote &&
    !p.extensionMonths;
  const talents = TALENT_FLAGS.filter((f) => p.talents[f]);
  // A repeatable step (the six-monthly reviews) may be recorded again until the next one is done.
  const last = stepOf(p.lastStep);
  const repeat = last?.repeatable && p.canManage ? last : null;

  return (
    <Card>
      <Link to={`/development?orgId=${p.orgId}`} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {m.back}
      </Link>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="person-name">
          {p.name}
        </Typography.Title>
        <Tag color="red" data-testid="person-stage">
          {DEVELOPMENT_STAGE_LABELS[p.stage]}
        </Tag>
        {p.status === 'closed' && <Tag>{DEVELOPMENT_STATUS_LABELS[p.status]}</Tag>}
        {talents.map((f) => (
          <Tag key={f} color="gold">
            {TALENT_LABELS[f]}
          </Tag>
        ))}
        <div style={{ flex: 1 }} />
        {p.status === 'active' && (
          <Space wrap>
            {next && mayRecord && (!noticeFor || noticeDone) && (
              <Button type="primary" onClick={() => setOpen('step')} data-testid="record-step">
                {m.record}：第{next.no}步 {next.title}
              </Button>
            )}
            {repeat && (
              <Button onClick={() => setOpen('repeat')} data-testid="repeat-step">
                {m.repeat(repeat.no, repeat.title)}
              </Button>
            )}
            {next && !mayRecord && <Tag>{`第${next.no}步${m.upperOnly}`}</Tag>}
            {noticeFor && !noticeDone && p.canManage && (
              <Button type="primary" onClick={() => setOpen('notice')} data-testid="publish-notice">
                {m.notice}
              </Button>
            )}
            {mayExtend && <Button onClick={() => setOpen('extend')}>{m.extend}</Button>}
            {p.canManage && (
              <Button danger onClick={() => setOpen('close')}>
                {m.close}
              </Button>
            )}
          </Space>
        )}
      </div>
      {p.overdue && (
        <Alert
          type="error"
          showIcon
          title={`${developmentMessages.overdue}：${p.dueIsReview ? developmentMessages.reviewDue(p.due ?? '') : developmentMessages.due(p.due ?? '')}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {p.dueIsReview && !p.overdue && p.due && (
        <Alert type="info" showIcon title={developmentMessages.reviewDue(p.due)} style={{ marginBottom: 12 }} />
      )}
      {p.earliest && p.earliest > p.today && (
        <Alert type="info" showIcon title={m.earliest(p.earliest)} style={{ marginBottom: 12 }} />
      )}
      {p.status === 'closed' && (
        <Alert type="warning" showIcon title={m.closed(p.closedReason ?? '')} style={{ marginBottom: 12 }} />
      )}
      {p.status === 'done' && (
        <Alert type="success" showIcon title={m.done} style={{ marginBottom: 12 }} data-testid="person-done" />
      )}
      <div style={{ display: 'flex', flexDirection: mobile ? 'column' : 'row', gap: 16, alignItems: 'flex-start' }}>
        <Card size="small" title={m.basics} style={{ width: mobile ? '100%' : 360, flex: 'none' }}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { label: m.org, children: p.orgName },
              { label: '性别', children: GENDER_LABELS[p.gender] },
              { label: m.birthDate, children: p.birthDate },
              {
                label: m.idNumber,
                children: (
                  <Space size={4} wrap>
                    {p.idNumberMasked}
                    {me?.abilities.revealPii && (
                      <Button type="link" size="small" onClick={() => setOpen('reveal')} data-testid="reveal">
                        {m.reveal}
                      </Button>
                    )}
                  </Space>
                ),
              },
              { label: m.phone, children: p.phoneMasked ?? '—' },
              { label: m.education, children: EDUCATION_LABELS[p.education as Education] },
              { label: m.employer, children: p.employerName ?? '—' },
              { label: m.position, children: p.position ?? '—' },
              ...(p.probationEndsOn
                ? [
                    {
                      label: m.probationEnds,
                      children: `${p.probationEndsOn}${p.extensionMonths ? `（${m.extension(p.extensionMonths)}）` : ''}`,
                    },
                  ]
                : []),
              ...(p.memberId
                ? [
                    {
                      label: m.ledger,
                      children: (
                        <Link to={`/members/${p.memberId}`} data-testid="ledger-link">
                          {m.openLedger}
                        </Link>
                      ),
                    },
                  ]
                : []),
              { label: m.rules, children: p.rulesVersion },
            ]}
          />
        </Card>
        <Card size="small" title={m.timeline} style={{ flex: 1, width: mobile ? '100%' : undefined }} data-testid="step-timeline">
          <StepTimeline person={p} />
        </Card>
      </div>
      {open === 'step' && next && <StepDrawer person={p} step={next} onClose={() => setOpen(null)} />}
      {open === 'repeat' && repeat && <StepDrawer person={p} step={repeat} onClose={() => setOpen(null)} />}
      {open === 'notice' && noticeFor && (
        <NoticeDrawer id={p.id} purpose={noticeFor} today={p.today} onClose={() => setOpen(null)} />
      )}
      {open === 'extend' && <ExtendDrawer id={p.id} today={p.today} onClose={() => setOpen(null)} />}
      {open === 'close' && <CloseDrawer id={p.id} onClose={() => setOpen(null)} />}
      {open === 'reveal' && (
        <RevealModal
          memberId={p.id}
          name={p.name}
          onClose={() => setOpen(null)}
          reveal={(body) => developmentApi.reveal(p.id, body)}
        />
      )}
    </Card>
  );
}
