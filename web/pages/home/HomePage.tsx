import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ROLES, SCOPES } from '../../../shared/roles.ts';
import type { Me } from '../../../shared/schemas/auth.ts';
import { useMe } from '../../api/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { SCREENS, screenListed } from '../../components/screens.ts';

type Grant = Me['grants'][number];

export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const shortcuts = SCREENS.filter((screen) => screen.path !== '/' && screenListed(screen, me.permissions));

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            您好，{me.realName}
          </Typography.Title>
          <Typography.Text type="secondary">
            登录名 {me.login} · 本次登录有效期至 {formatDateTime(me.sessionExpiresAt)}
          </Typography.Text>
          {me.demo && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title="当前为演示环境，数据均为虚构，仅供体验和培训使用。"
            />
          )}
          {!me.totpEnabled && (
            <Alert
              type="warning"
              showIcon
              icon={<SafetyOutlined />}
              style={{ marginTop: 12 }}
              title="您尚未启用动态验证码（双因素认证），建议在个人设置中绑定，以提高账号安全性。"
              action={
                <Button size="small" onClick={() => navigate('/totp-enroll')}>
                  立即绑定
                </Button>
              }
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title="我的角色">
          {me.grants.length === 0 ? (
            <Typography.Text type="secondary">暂未授予任何角色，请联系安全管理员</Typography.Text>
          ) : (
            <ul data-testid="my-grants" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {me.grants.map((grant: Grant) => (
                <li key={grant.id} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
                  <Tag color="blue">{ROLES[grant.role].label}</Tag>
                  <Typography.Text>{grant.orgName}</Typography.Text>
                  <Typography.Text type="secondary"> · 数据范围：{SCOPES[grant.scope]}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="常用功能">
          <Row gutter={[8, 8]}>
            {shortcuts.map((screen) => (
              <Col key={screen.path} xs={12} sm={8}>
                <Button block onClick={() => navigate(screen.path)}>
                  {screen.label}
                </Button>
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
