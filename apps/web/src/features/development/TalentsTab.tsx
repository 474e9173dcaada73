import { DEVELOPMENT_STAGE_LABELS, MEMBER_STATUS_LABELS, TALENT_LABELS } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type TalentRow, useTalents } from './api';
import { developmentMessages } from './messages';
import { CultivationDrawer } from './SmallDrawers';

const m = developmentMessages.talents;
const stageLabel = (s: string | null) =>
  s ? ((DEVELOPMENT_STAGE_LABELS as Record<string, string>)[s] ?? (MEMBER_STATUS_LABELS as Record<string, string>)[s] ?? '') : '';
const linkOf = (t: TalentRow) =>
  'memberId' in t.subject ? `/members/${t.subject.memberId}` : `/development/people/${t.subject.developmentId}`;

/** 重点人才 (列出名单、重点培养): flagged members and applicants, each with a mentor and a cultivation record. */
export function TalentsTab({ orgId, mobile }: { orgId: string; mobile: boolean }) {
  const q = useTalents(orgId);
  const [open, setOpen] = useState<{ row: TalentRow; kind: 'mentor' | 'record' } | null>(null);
  if (q.error) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data) return <Card loading variant="borderless" />;
  if (q.data.items.length === 0) return <Empty description={m.empty} />;
  return (
    <>
      <div
        data-testid="talent-list"
        style={{ display: 'grid', gap: 12, gridTemplateColumns: mobile ? '1fr' : 'repeat(3, minmax(0, 1fr))' }}
      >
        {q.data.items.map((t) => (
          <Card
            key={'memberId' in t.subject ? t.subject.memberId : t.subject.developmentId}
            size="small"
            title={
              <Space wrap size={4}>
                <Link to={linkOf(t)}>{t.name}</Link>
                <Tag color={t.source === 'member' ? 'red' : 'blue'}>{m.source[t.source]}</Tag>
              </Space>
            }
            extra={<Typography.Text type="secondary">{stageLabel(t.stage)}</Typography.Text>}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
              {t.orgName}
            </Typography.Text>
            <Space size={4} wrap style={{ margin: '4px 0' }}>
              {t.talents.map((f) => (
                <Tag key={f} color="gold">
                  {TALENT_LABELS[f]}
                </Tag>
              ))}
            </Space>
            <div>
              {developmentMessages.columns.mentor}：{t.mentorName ?? m.noMentor}
            </div>
            {t.records.slice(0, 2).map((r) => (
              <Typography.Paragraph
                key={`${r.on}-${r.content}`}
                type="secondary"
                style={{ fontSize: 12, margin: '4px 0 0' }}
                ellipsis={{ rows: 2 }}
              >
                {r.on} {r.content}
              </Typography.Paragraph>
            ))}
            <Space style={{ marginTop: 8 }} wrap>
              <Button size="small" onClick={() => setOpen({ row: t, kind: 'mentor' })}>
                {m.setMentor}
              </Button>
              <Button size="small" onClick={() => setOpen({ row: t, kind: 'record' })}>
                {m.addRecord}
              </Button>
            </Space>
          </Card>
        ))}
      </div>
      {open && <CultivationDrawer row={open.row} kind={open.kind} onClose={() => setOpen(null)} />}
    </>
  );
}
