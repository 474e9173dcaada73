import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { isApiError } from '../lib/api';
import { downloadFile } from '../lib/download';

interface Props extends Omit<ButtonProps, 'href' | 'onClick' | 'loading'> {
  /** The export route, with its query. */
  href: string;
  /** Used when the server names no file. */
  fileName: string;
}

/** A button that downloads an export, showing progress while the server writes it and its refusal as a message. */
export function DownloadButton({ href, fileName, children, ...button }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(href, fileName);
    } catch (e) {
      message.error(isApiError(e) ? e.message : '导出失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} {...button} data-href={href} loading={busy} onClick={onClick}>
      {children}
    </Button>
  );
}
