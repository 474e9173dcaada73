import type { DevelopmentDetail } from '@tongxin/contracts';
import { DEVELOPMENT_STAGE_LABELS, DEVELOPMENT_STEPS, NOTICE_PURPOSE_LABELS } from '@tongxin/contracts/labels';
import { Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { developmentMessages } from './messages';

const m = developmentMessages.person;

interface Detail {
  mentors?: { id: string; name: string }[];
  sponsors?: { id: string; name: string }[];
  training?: { days: number; hours: number };
  vote?: { entitled: number; present: number; inFavour: number };
  passed?: boolean;
}

/** The 25 steps in order: what was done (date, by whom, documents, facts), what is next, what is still ahead. */
export function StepTimeline({ person }: { person: DevelopmentDetail }) {
  const items = DEVELOPMENT_STEPS.flatMap((def) => {
    const done = person.steps.filter((s) => s.step === def.no);
    const notices = person.notices.filter((n) => (n.purpose === 'admission' ? 12 : 23) === def.no);
    const stageStart = def.no === 1 || DEVELOPMENT_STEPS[def.no - 2]?.stage !== def.stage;
    const head = stageStart ? (
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {DEVELOPMENT_STAGE_LABELS[def.stage]}
      </Typography.Text>
    ) : null;
    const noticeLines = notices.map((n) => (
      <div key={n.id} style={{ fontSize: 12 }}>
        <Tag color="purple">{NOTICE_PURPOSE_LABELS[n.purpose]}</Tag>
        {developmentMessages.notice.period(n.startsOn, n.endsOn, n.workingDays)}
        {n.objections.length > 0 && `，反映意见 ${n.objections.length} 条`}
      </div>
    ));
    if (done.length === 0) {
      const isNext = person.nextStep === def.no;
      return [
        {
          key: `${def.no}`,
          color: isNext ? 'blue' : 'gray',
          content: (
            <div data-testid={`step-${def.no}`}>
              {head}
              {noticeLines}
              <Typography.Text type={isNext ? undefined : 'secondary'} strong={isNext}>
                {def.no}. {def.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {def.actor}
              </Typography.Text>
              {isNext && (
                <Tag color={person.overdue ? 'red' : 'blue'} style={{ marginLeft: 8 }}>
                  {m.next}
                  {person.due ? ` · ${developmentMessages.due(person.due)}` : ''}
                </Tag>
              )}
            </div>
          ),
        },
      ];
    }
    return done.map((s, i) => {
      const d = s.detail as Detail;
      const facts = [
        d.mentors && `${m.mentors}：${d.mentors.map((x) => x.name).join('、')}`,
        d.sponsors && `${m.sponsors}：${d.sponsors.map((x) => x.name).join('、')}`,
        d.training && m.training(d.training.days, d.training.hours),
        d.vote && m.vote(d.vote.entitled, d.vote.present, d.vote.inFavour),
        d.passed && m.passed,
      ].filter(Boolean);
      return {
        key: s.id,
        color: 'green',
        content: (
          <div data-testid={`step-${def.no}`} data-done="true">
            {i === 0 && head}
            {i === 0 && noticeLines}
            <Typography.Text strong>
              {def.no}. {def.title}
            </Typography.Text>
            <Typography.Text style={{ marginLeft: 8 }}>{s.doneOn}</Typography.Text>
            {facts.map((f) => (
              <div key={String(f)} style={{ fontSize: 12 }}>
                {f}
              </div>
            ))}
            {s.note && <div style={{ fontSize: 12 }}>{s.note}</div>}
            {s.documents.length > 0 && (
              <div style={{ fontSize: 12 }}>
                {m.documents}：{s.documents.join('、')}
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.recordedBy(s.actorName ?? '系统', formatDateTime(s.recordedAt))}
            </Typography.Text>
          </div>
        ),
      };
    });
  });
  return <Timeline items={items} />;
}
