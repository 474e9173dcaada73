import { PARTICIPANT_CATEGORY_LABELS } from '@tongxin/contracts';
import { Alert, Button, Card, Flex, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCheckInByCode } from '../features/events/api';
import { eventMessages as m } from '../features/events/messages';

/** The organiser's phone page: a scanned code opens it (?code=…); one tap checks the person in. */
export default function EventCheckInPage() {
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const checkIn = useCheckInByCode();
  const done = checkIn.data;
  return (
    <Flex justify="center">
      <Card title={m.checkIn.title} style={{ width: '100%', maxWidth: 480 }}>
        {done ? (
          <Result
            status="success"
            title={
              <span data-testid="checkin-result">{m.checkIn.done(done.name, PARTICIPANT_CATEGORY_LABELS[done.category])}</span>
            }
            subTitle={done.eventTitle}
            extra={[
              <Link key="event" to={`/events/${done.eventId}`}>
                <Button type="primary">{m.checkIn.toEvent}</Button>
              </Link>,
              <Button
                key="next"
                onClick={() => {
                  checkIn.reset();
                  setCode('');
                  setParams({});
                }}
              >
                {m.checkIn.next}
              </Button>,
            ]}
          />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{m.checkIn.hint}</Typography.Text>
            {checkIn.error && <Alert type="error" showIcon title={checkIn.error.message} data-testid="checkin-error" />}
            <Input.TextArea
              rows={3}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder={m.checkIn.placeholder}
              data-testid="checkin-input"
            />
            <Button
              type="primary"
              size="large"
              block
              disabled={!code.trim()}
              loading={checkIn.isPending}
              onClick={() => checkIn.mutate(code.trim())}
              data-testid="checkin-submit"
            >
              {m.checkIn.submit}
            </Button>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
