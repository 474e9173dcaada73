import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A list page's title with its actions on the right (they wrap under the title on a phone). */
export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <div style={{ flex: 1 }} />
      {children}
    </div>
  );
}
