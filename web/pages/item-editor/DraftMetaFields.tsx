import { Form, Input, Select, Switch } from 'antd';
import { ITEM_SOURCE_KEYS, ITEM_SOURCES, type ItemSource } from '../../../shared/items.ts';
import { itemDraftInput } from '../../../shared/schemas/items.ts';
import { zodRule } from '../../components/zod-rule.ts';
import type { ItemSettings } from '../item/item-api.ts';
import { AuthorsField } from './AuthorsField.tsx';

const phoneRule = zodRule(itemDraftInput.shape.contactPhone);

interface Props {
  settings: ItemSettings;
  /** A liaison may submit for a member (代报). */
  forMember: boolean;
  sourceType: ItemSource;
}

/** Who writes and submits it, how to reach them, where the text comes from, and its flags. */
export function DraftMetaFields({ settings, forMember, sourceType }: Props) {
  return (
    <>
      <Form.Item
        name="authors"
        label="作者"
        extra={
          forMember ? '代委员报送时，请将该委员设为第一作者。' : '联名信息按署名顺序排列，第一作者排在最前。'
        }
        rules={[{ type: 'array', min: 1, message: '请至少添加一位作者' }]}
      >
        <AuthorsField units={settings.submittingOrgs} />
      </Form.Item>
      <Form.Item
        name="submittingOrgId"
        label="报送单位"
        rules={[{ required: true, message: '请选择报送单位' }]}
      >
        <Select
          placeholder="请选择报送单位"
          options={settings.submittingOrgs.map((o) => ({ value: o.id, label: o.name }))}
          data-testid="item-submitting-org"
        />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label="联系电话"
        rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, phoneRule]}
        extra="便于信息处核实情况，不对外公开"
      >
        <Input
          inputMode="tel"
          maxLength={20}
          placeholder="手机号码或带区号的固定电话"
          data-testid="item-phone"
        />
      </Form.Item>
      <Form.Item name="sourceType" label="信息来源">
        <Select
          options={ITEM_SOURCE_KEYS.map((k) => ({ value: k, label: ITEM_SOURCES[k] }))}
          data-testid="item-source"
        />
      </Form.Item>
      {sourceType !== 'own' && (
        <Form.Item
          name="sourceRef"
          label="来源说明"
          rules={[
            {
              required: true,
              whitespace: true,
              message: '请注明来源，如提案号、发言题目、刊物名称及期号或约稿通知',
            },
          ]}
        >
          <Input
            maxLength={200}
            placeholder="如提案号、发言题目、调研报告名称、刊物名称及期号或约稿通知"
            data-testid="item-source-ref"
          />
        </Form.Item>
      )}
      <Form.Item
        name="urgent"
        label="紧急信息"
        valuePropName="checked"
        extra="涉及突发事件等需尽快报送的情况"
      >
        <Switch checkedChildren="紧急" unCheckedChildren="否" data-testid="item-urgent" />
      </Form.Item>
      <Form.Item
        name="disclosable"
        label="可公开"
        valuePropName="checked"
        extra="同意经审核后在门户网站公开发布"
      >
        <Switch checkedChildren="可公开" unCheckedChildren="否" data-testid="item-disclosable" />
      </Form.Item>
    </>
  );
}
