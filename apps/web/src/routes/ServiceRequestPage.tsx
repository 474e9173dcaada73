import { ArrowLeftOutlined } from '@ant-design/icons';
import { SERVICE_CATEGORY_LABELS, SERVICE_GROUP_LABELS, SERVICE_RATING_LABELS } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Descriptions, Divider, Rate, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useServiceRequest } from '../features/services/api';
import { serviceMessages as m } from '../features/services/messages';
import { ServiceActions } from '../features/services/ServiceActions';
import { ServiceComposer } from '../features/services/ServiceComposer';
import { ServiceStatusTag } from '../features/services/ServiceStatusTag';
import { ServiceThread } from '../features/services/ServiceThread';
import { formatDateTime } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

/** One request: what was asked, its status and deadline, the whole thread, and the steps this user may take. */
export default function ServiceRequestPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const query = useServiceRequest(id);
  const [answering, setAnswering] = useState(false);
  const r = query.data;
  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!r)
    return (
      <Card>
        <Result status="404" title={m.detail.notFound} />
      </Card>
    );
  const back = r.sides.handler ? '/services' : '/services/mine';
  return (
    <div style={{ display: 'grid', gap: mobile ? 8 : 16, maxWidth: 1100 }}>
      <Card>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(back)} style={{ paddingInline: 0 }}>
          {m.back}
        </Button>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', margin: '4px 0 12px' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="service-title-text">
            {r.title}
          </Typography.Title>
          <ServiceStatusTag r={r} />
        </div>
        <Descriptions
          size="small"
          column={mobile ? 1 : 3}
          items={[
            { key: 'enterprise', label: m.col.enterprise, children: r.enterprise.name },
            {
              key: 'category',
              label: m.col.category,
              children: `${SERVICE_GROUP_LABELS[r.group]} · ${SERVICE_CATEGORY_LABELS[r.category]}`,
            },
            { key: 'raised', label: m.detail.raisedBy, children: `${r.raisedByName}（${formatDateTime(r.raisedAt)}）` },
            { key: 'org', label: m.detail.org, children: r.org.name },
            { key: 'assignee', label: m.detail.assignee, children: r.assignee?.name ?? m.unassigned },
            {
              key: 'due',
              label: m.detail.dueOn,
              children: (
                <span style={{ color: r.overdue ? '#cf1322' : undefined }} title={m.detail.ruleVersion(r.ruleVersion)}>
                  {r.dueOn}
                </span>
              ),
            },
            ...(r.rating !== null
              ? [
                  {
                    key: 'rating',
                    label: m.detail.rating,
                    children: (
                      <span>
                        <Rate disabled value={r.rating} style={{ fontSize: 14 }} /> {SERVICE_RATING_LABELS[r.rating as 1]}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Divider titlePlacement="start" style={{ margin: '12px 0' }}>
          {m.detail.description}
        </Divider>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="service-description-text">
          {r.description}
        </Typography.Paragraph>
        {r.status === 'answered' && r.sides.requester && (
          <Alert type="info" showIcon title={m.waitingRating} style={{ marginBottom: 12 }} />
        )}
        {r.status === 'in_progress' && r.sides.handler && !r.abilities.answer && (
          <Alert type="warning" showIcon title={m.actions.answerAs} style={{ marginBottom: 12 }} />
        )}
        <ServiceActions r={r} onAnswer={() => setAnswering(true)} />
        {answering && r.abilities.answer && (
          <div style={{ marginTop: 16 }}>
            <ServiceComposer requestId={r.id} orgId={r.org.id} mode="answer" onDone={() => setAnswering(false)} />
          </div>
        )}
      </Card>
      <Card title={m.detail.thread}>
        <ServiceThread entries={r.thread} />
        {r.abilities.message && (
          <>
            <Divider style={{ margin: '4px 0 16px' }} />
            <ServiceComposer requestId={r.id} orgId={r.org.id} mode="message" />
          </>
        )}
      </Card>
    </div>
  );
}
