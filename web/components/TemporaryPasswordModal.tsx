import { Alert, Button, Descriptions, Modal, Typography } from 'antd';

export interface Credential {
  login: string;
  realName: string;
  temporaryPassword: string;
}

interface Props {
  title: string;
  credential: Credential | null;
  onClose: () => void;
}

/** Shows a one-time password exactly once; it cannot be displayed again. */
export function TemporaryPasswordModal({ title, credential, onClose }: Props) {
  return (
    <Modal
      title={title}
      open={credential !== null}
      onCancel={onClose}
      mask={{ closable: false }}
      // Once closed the password leaves the page: it is shown exactly once.
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="temp-password-done">
          我已妥善记录
        </Button>
      }
    >
      {credential && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'name', label: '姓名', children: credential.realName },
              { key: 'login', label: '登录名', children: credential.login },
              {
                key: 'password',
                label: '临时密码',
                children: (
                  <Typography.Text
                    code
                    strong
                    copyable={{ text: credential.temporaryPassword, tooltips: ['复制密码', '已复制'] }}
                    data-testid="temp-password"
                    style={{ fontSize: 16 }}
                  >
                    {credential.temporaryPassword}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title="临时密码仅显示这一次，关闭后无法再次查看。请通过安全渠道告知本人；用户首次登录时须修改密码。"
          />
        </>
      )}
    </Modal>
  );
}
