import { Alert, Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../lib/useIsMobile';

interface Props {
  title: ReactNode;
  /** Width on a laptop; on a phone the drawer takes the whole screen. */
  width?: number;
  busy: boolean;
  /** A message that belongs to no single field (field errors show under their fields). */
  error: string | null;
  submitText?: string;
  submitTestId?: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** The one shape of every form drawer: 取消 / 保存 at the top right, the form's own error above the fields. */
export function FormDrawer({
  title,
  width = 480,
  busy,
  error,
  submitText = '保存',
  submitTestId,
  onSubmit,
  onClose,
  children,
}: Props) {
  const mobile = useIsMobile();
  return (
    <Drawer
      open
      title={title}
      size={mobile ? '100%' : width}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={onSubmit} data-testid={submitTestId}>
            {submitText}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {children}
    </Drawer>
  );
}
