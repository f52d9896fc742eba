import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useCallback } from 'react';
import { orgAcceptsUsers } from '../../../shared/orgs.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';

const MAX_MEMBERSHIPS = 10;

/** One or more organisations the user belongs to, each with an optional title (职务). */
export function MembershipsField({ orgs }: { orgs: readonly OrgView[] }) {
  const isDisabled = useCallback((org: OrgView) => !org.active || !orgAcceptsUsers(org.type), []);
  return (
    <Form.List
      name="memberships"
      rules={[
        {
          // An empty row is reported on its own select; here only the list as a whole.
          validator: async (_, list: { orgId?: number }[] | undefined) => {
            if (!list || list.length === 0) throw new Error('至少选择一个所属组织');
            const ids = list.map((item) => item?.orgId).filter((id) => id !== undefined);
            if (new Set(ids).size !== ids.length) throw new Error('所属组织不能重复');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label="所属组织及职务" required>
          {fields.map((field, index) => (
            <div
              key={field.key}
              style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}
            >
              <Form.Item
                name={[field.name, 'orgId']}
                rules={[{ required: true, message: '请选择组织' }]}
                style={{ flex: '2 1 200px', marginBottom: 8 }}
              >
                <OrgTreeSelect
                  orgs={orgs}
                  isDisabled={isDisabled}
                  style={{ width: '100%' }}
                  data-testid={index === 0 ? 'user-org' : `user-org-${index}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'title']} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                <Input placeholder="职务（可不填）" maxLength={40} data-testid={`user-title-${index}`} />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label="移除该组织"
                />
              )}
            </div>
          ))}
          {fields.length < MAX_MEMBERSHIPS && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })} block>
              添加所属组织
            </Button>
          )}
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
