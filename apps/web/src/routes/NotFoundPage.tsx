import { Button, Card, Result } from 'antd';
import { Link } from 'react-router';
import { layoutMessages as m } from '../app/layout/messages';

export default function NotFoundPage() {
  return (
    <Card>
      <Result
        status="404"
        title={m.notFoundTitle}
        subTitle={m.notFoundText}
        extra={
          <Link to="/">
            <Button type="primary">{m.backHome}</Button>
          </Link>
        }
      />
    </Card>
  );
}
