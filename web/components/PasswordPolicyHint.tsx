import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';

interface Props {
  password: string;
  problems: string[];
}

/** Live feedback on the new password against the shared policy (`checkPassword`). */
export function PasswordPolicyHint({ password, problems }: Props) {
  if (!password) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        至少8位，须包含大写字母、小写字母、数字、特殊符号中的至少3类，不得包含登录名，不得使用常见密码
      </Typography.Text>
    );
  }
  if (problems.length === 0) {
    return (
      <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="password-ok">
        <CheckCircleFilled /> 密码符合安全要求
      </Typography.Text>
    );
  }
  return (
    <div data-testid="password-problems">
      {problems.map((problem) => (
        <div key={problem}>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            <CloseCircleFilled /> {problem}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
