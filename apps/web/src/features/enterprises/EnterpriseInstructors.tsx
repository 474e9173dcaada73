import type { EnterpriseDetail, InstructorAssignment } from '@tongxin/contracts';
import { INSTRUCTOR_LOG_KIND_LABELS } from '@tongxin/contracts/labels';
import { Button, Empty, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ItemRows } from '../../components/ItemRows';
import { useAction } from '../../lib/useAction';
import { AssignDrawer } from './AssignDrawer';
import { enterpriseApi, useInvalidateEnterprises } from './api';
import { LogDrawer } from './LogDrawer';
import { enterpriseMessages as m } from './messages';

export function AssignmentLine({ a, showEnterprise = false }: { a: InstructorAssignment; showEnterprise?: boolean }) {
  return (
    <div>
      <Space wrap size={6}>
        <Typography.Text strong>{showEnterprise ? a.enterpriseName : a.instructorName}</Typography.Text>
        {a.current ? <Tag color="blue">{m.assignment.current}</Tag> : <Tag>{m.assignment.ended}</Tag>}
        {a.overdue && (
          <Tag color="red" data-testid="assignment-overdue">
            {m.assignment.overdue}
          </Tag>
        )}
      </Space>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
        {a.startsOn} 起{a.endsOn ? ` 至 ${a.endsOn}` : ''}
        {a.current && ` · ${m.assignment.last(a.lastContactOn)}`}
        {a.current && a.nextDueOn && ` · ${m.assignment.due(a.nextDueOn)}`}
      </div>
    </div>
  );
}

/** The enterprise's instructors and their recent work: assign (committee), end (committee), record (its instructor). */
export function EnterpriseInstructors({ e }: { e: EnterpriseDetail }) {
  const [assigning, setAssigning] = useState(false);
  const [logging, setLogging] = useState(false);
  const endAssignment = useAction((a: InstructorAssignment) => enterpriseApi.endAssignment(a.id, dayjs().format('YYYY-MM-DD')), {
    invalidate: useInvalidateEnterprises(),
    success: '已结束选派',
  });
  const end = (a: InstructorAssignment) => endAssignment.run(a);
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        {e.abilities.manage && (
          <Button size="small" onClick={() => setAssigning(true)} data-testid="assign-open">
            {m.detail.assign}
          </Button>
        )}
        {e.abilities.log && (
          <Button size="small" type="primary" onClick={() => setLogging(true)} data-testid="log-open">
            {m.detail.addLog}
          </Button>
        )}
      </Space>
      {e.assignments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.detail.noInstructor} />
      ) : (
        <ItemRows
          rows={e.assignments.map((a) => ({
            key: a.id,
            title: <AssignmentLine a={a} />,
            extra: e.abilities.manage && a.current && (
              <Popconfirm title="结束这次选派（今天为最后一天）？" onConfirm={() => end(a)}>
                <Button size="small" type="link">
                  {m.detail.endAssignment}
                </Button>
              </Popconfirm>
            ),
          }))}
        />
      )}
      <Space style={{ marginTop: 16, marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {m.detail.logs}
        </Typography.Title>
        {e.recentLogs.length > 0 && <Link to={`/instructor-work?enterprise=${e.id}`}>{m.detail.allLogs}</Link>}
      </Space>
      {e.recentLogs.length === 0 ? (
        <Typography.Text type="secondary">{m.detail.noLogs}</Typography.Text>
      ) : (
        <Timeline
          items={e.recentLogs.map((l) => ({
            key: l.id,
            content: (
              <div>
                <Space size={6}>
                  <Typography.Text strong>{l.onDate}</Typography.Text>
                  <Tag>{INSTRUCTOR_LOG_KIND_LABELS[l.kind]}</Tag>
                  <Typography.Text type="secondary">{l.instructorName}</Typography.Text>
                </Space>
                <div>{l.notes}</div>
              </div>
            ),
          }))}
        />
      )}
      {assigning && <AssignDrawer enterpriseId={e.id} onClose={() => setAssigning(false)} />}
      {logging && <LogDrawer enterprises={[{ id: e.id, name: e.name }]} onClose={() => setLogging(false)} />}
    </>
  );
}
