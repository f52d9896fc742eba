import { App, Card, Col, Descriptions, Row, Tag } from 'antd';
import { BUSINESS_PERMISSIONS, ROLES, SCOPES } from '../../../shared/roles.ts';
import { loadMe, useMe } from '../../api/session.ts';
import { NotificationPrefsCard } from '../../components/notifications/NotificationPrefsCard.tsx';
import { PasswordChangeForm } from '../../components/PasswordChangeForm.tsx';
import { MySessions } from './MySessions.tsx';
import { TotpCard } from './TotpCard.tsx';

export function ProfilePage() {
  const me = useMe();
  const { message } = App.useApp();

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title="基本信息">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'name', label: '姓名', children: me.realName },
              { key: 'login', label: '登录名', children: me.login },
              {
                key: 'roles',
                label: '角色',
                children:
                  me.grants.length === 0
                    ? '暂无'
                    : me.grants.map((grant) => (
                        <Tag key={grant.id} style={{ marginBottom: 4 }}>
                          {ROLES[grant.role].label} · {grant.orgName} · {SCOPES[grant.scope]}
                        </Tag>
                      )),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <TotpCard me={me} />
      </Col>
      <Col xs={24} xl={12}>
        <Card title="修改密码">
          <PasswordChangeForm
            login={me.login}
            submitLabel="修改密码"
            onChanged={async () => {
              message.success('密码已修改');
              await loadMe();
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <MySessions />
      </Col>
      {me.permissions.some((p) => BUSINESS_PERMISSIONS.includes(p)) && (
        <Col xs={24} xl={12}>
          <NotificationPrefsCard />
        </Col>
      )}
    </Row>
  );
}
