import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { authMessages as m } from './messages';

/** The centred card of the sign-in and password pages (no menus: the user is not in yet). */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: 'linear-gradient(160deg, #c8161d 0%, #8f0f14 45%, #f5f5f5 45.1%)',
      }}
    >
      <div style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
          <div style={{ fontSize: 36, fontWeight: 700, letterSpacing: 8 }}>{m.productName}</div>
          <div style={{ fontSize: 15, opacity: 0.9 }}>{m.productSubtitle}</div>
        </div>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </div>
    </div>
  );
}
