import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { MEMBER_LEVEL_KEYS, MEMBER_LEVELS } from '../../../shared/schemas/users.ts';

/** The optional CPPCC member profile (委员信息) and the 特邀信息员 flag. */
export function MemberProfileFields() {
  const form = Form.useFormInstance();
  const isMember = Form.useWatch<boolean | undefined>('isMember', form);
  return (
    <>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="isMember" label="政协委员" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" data-testid="user-is-member" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="specialOfficer" label="特邀信息员" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" data-testid="user-special-officer" />
          </Form.Item>
        </Col>
      </Row>
      {isMember && (
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name={['member', 'level']}
              label="委员级别"
              rules={[{ required: true, message: '请选择委员级别' }]}
            >
              <Select
                options={MEMBER_LEVEL_KEYS.map((level) => ({
                  value: level,
                  label: `${MEMBER_LEVELS[level]}政协委员`,
                }))}
                data-testid="user-member-level"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['member', 'term']} label="届次">
              <Input placeholder="如：第十三届" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['member', 'sector']} label="界别">
              <Input placeholder="如：经济界" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['member', 'party']} label="党派">
              <Input placeholder="如：中国民主同盟" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={['member', 'standing']} label="常委" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
