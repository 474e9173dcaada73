import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

// The rich-text editor is a chunk of its own, fetched when the form first shows the minutes.
const MinutesEditor = lazy(() => import('./MinutesEditor'));

/** The minutes in the meeting form. Form.Item hands value/onChange to its direct child, so this passes them on. */
export function MinutesField(props: { value?: string; onChange?: (html: string) => void }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} title={false} />}>
      <MinutesEditor {...props} />
    </Suspense>
  );
}
