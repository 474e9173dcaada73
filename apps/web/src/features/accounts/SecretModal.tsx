import { Alert, Modal, Typography } from 'antd';
import { accountMessages as m } from './messages';

export interface Secret {
  title: string;
  label: string;
  password: string;
}

/** A generated password, shown once with a copy button; the server never shows it again. */
export function SecretModal({ secret, onClose }: { secret: Secret | null; onClose: () => void }) {
  return (
    <Modal
      open={secret !== null}
      title={secret?.title}
      onOk={onClose}
      onCancel={onClose}
      okText={m.secretClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {secret && (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{secret.label}</Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: secret.password, tooltips: ['复制', '已复制'] }}
            code
            style={{ fontSize: 18 }}
            data-testid="secret-password"
          >
            {secret.password}
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={m.secretWarning} />
        </>
      )}
    </Modal>
  );
}
