import type { ServiceThreadEntry } from '@tongxin/contracts';
import { SERVICE_EVENT_LABELS, SERVICE_RATING_LABELS } from '@tongxin/contracts/labels';
import { Rate, Tag, Timeline, Typography } from 'antd';
import { AttachmentList } from '../../components/AttachmentUpload';
import { formatDateTime } from '../../lib/format';
import { serviceMessages as m } from './messages';

const COLOR: Record<ServiceThreadEntry['kind'], string> = {
  raise: 'blue',
  assign: 'gray',
  answer: 'green',
  reopen: 'orange',
  close: 'green',
  withdraw: 'gray',
  message: 'blue',
};

/** The request's whole history, oldest first: every step and message, who (and for which side) and when. */
export function ServiceThread({ entries }: { entries: ServiceThreadEntry[] }) {
  return (
    <Timeline
      data-testid="service-thread"
      items={entries.map((e) => ({
        key: e.id,
        color: COLOR[e.kind],
        content: (
          <div data-testid={`thread-${e.kind}`}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
              <Tag color={e.side === 'handler' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {m.side[e.side]}
              </Tag>
              <Typography.Text strong>{e.actorName ?? '—'}</Typography.Text>
              <Typography.Text>{SERVICE_EVENT_LABELS[e.kind]}</Typography.Text>
              {e.kind === 'assign' && e.assigneeName && <Typography.Text>→ {e.assigneeName}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            {e.rating !== null && (
              <div>
                <Rate disabled value={e.rating} style={{ fontSize: 14 }} />{' '}
                <Typography.Text type="secondary">{SERVICE_RATING_LABELS[e.rating as 1 | 2 | 3 | 4 | 5]}</Typography.Text>
              </div>
            )}
            {e.body && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{e.body}</Typography.Paragraph>
            )}
            {e.attachments.length > 0 && <AttachmentList items={e.attachments} />}
          </div>
        ),
      }))}
    />
  );
}
