import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  ADOPTION_BODIES,
  ADOPTION_BODY_KEYS,
  INSTRUCTION_RANK_KEYS,
  INSTRUCTION_RANKS,
} from '../../../shared/feedback.ts';
import { chineseDate } from '../../../shared/issues.ts';
import type { RuleSetEffect, RuleSetInput, RuleSetView } from '../../../shared/schemas/scoring.ts';
import { formatPoints, type ScoreRules, SPLIT_POLICIES } from '../../../shared/scoring.ts';
import { api } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { type Dayjs, dayjs } from '../workbench/dayjs-zh.ts';

interface Props {
  /** A table to start from (new) or to change (pending), with its CPPCC; null when closed. */
  target: { base: RuleSetView; editing: boolean } | null;
  today: string;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  name: string;
  effectiveFrom: Dayjs | null;
  rules: ScoreRules;
  capped: boolean;
  limitCredited: boolean;
  retroactiveReason: string;
}

const point = { min: 0, max: 1000, step: 0.5, precision: 2, style: { width: '100%' } } as const;

function NumberField({ name, label }: { name: (string | number)[]; label: string }) {
  return (
    <Form.Item name={['rules', ...name]} label={label} rules={[{ required: true, message: '请填写分值' }]}>
      <InputNumber {...point} suffix="分" />
    </Form.Item>
  );
}

/** What a save did or would do to the ledger, in a sentence. */
export function effectText(e: RuleSetEffect): string {
  return `共${e.items}条信息，其中${e.changedItems}条的得分将改变；计分记录由${e.linesBefore}条变为${e.linesAfter}条，得分合计由${formatPoints(e.pointsBefore)}分变为${formatPoints(e.pointsAfter)}分。`;
}

/**
 * Writes a rule table. A table effective after today changes nothing already scored. One
 * effective today or earlier rescores the ledger: the office gives its reason and sees what
 * would change before it saves.
 */
export function RuleSetDrawer({ target, today, onClose, onSaved }: Props) {
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const last = useRef(target);
  if (target !== null) last.current = target;
  const editing = last.current?.editing ? last.current.base : null;
  const effective = Form.useWatch('effectiveFrom', form);
  const capped = Form.useWatch('capped', form);
  const limitCredited = Form.useWatch('limitCredited', form);
  const policy = Form.useWatch(['rules', 'split', 'policy'], form);
  const retroactive = effective ? effective.format('YYYY-MM-DD') <= today : false;

  useEffect(() => {
    if (target === null) return;
    const { base } = target;
    form.resetFields();
    form.setFieldsValue({
      name: target.editing ? base.name : '',
      effectiveFrom: target.editing ? dayjs(base.effectiveFrom) : dayjs(today).add(1, 'day'),
      rules: base.rules,
      capped: base.rules.capPerItem !== null,
      limitCredited: base.rules.split.maxCredited !== null,
      retroactiveReason: '',
    });
  }, [target, today, form]);

  const save = async () => {
    const v = await form.validateFields();
    if (!last.current || !v.effectiveFrom) return;
    const input: RuleSetInput = {
      orgId: last.current.base.orgId,
      name: v.name.trim(),
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      rules: {
        ...v.rules,
        bonus: { ...v.rules.bonus, solicited: v.rules.bonus.solicited ?? 0 },
        capPerItem: v.capped ? (v.rules.capPerItem ?? null) : null,
        split: {
          ...v.rules.split,
          firstPercent: v.rules.split.firstPercent ?? 50,
          maxCredited: v.limitCredited ? (v.rules.split.maxCredited ?? null) : null,
        },
      },
      retroactiveReason: retroactive ? v.retroactiveReason.trim() : '',
    };
    const commit = async () => {
      setSaving(true);
      try {
        const { orgId: _, ...update } = input;
        if (editing?.id) await api.put(`/score-rule-sets/${editing.id}`, update);
        else await api.post('/score-rule-sets', input);
        message.success(
          retroactive ? '计分规则已保存，已按新规则重算得分' : '计分规则已保存，将于生效日起施行',
        );
        onSaved();
      } catch (error) {
        notifyError(error);
      } finally {
        setSaving(false);
      }
    };
    if (!retroactive) return commit();
    try {
      setSaving(true);
      const { data } = await api.post<{ data: RuleSetEffect }>('/score-rule-sets/preview', input);
      modal.confirm({
        title: '确认追溯施行',
        content: (
          <div data-testid="rules-effect">
            <p>
              生效日期为{chineseDate(input.effectiveFrom)}
              ，不晚于今天，保存后将按新规则重算本级全部已计分信息。
            </p>
            <p>{effectText(data)}</p>
            <p>追溯理由和重算结果将记入审计日志。</p>
          </div>
        ),
        okText: '确认保存并重算',
        cancelText: '返回修改',
        onOk: commit,
      });
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={editing ? `修改计分规则：${editing.name}` : '新建计分规则'}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="rules-save">
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item
              name="name"
              label="规则名称"
              rules={[{ required: true, whitespace: true, message: '请填写规则名称' }, { max: 40 }]}
            >
              <Input placeholder="如：2027年度信息工作计分办法" maxLength={40} data-testid="rules-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              name="effectiveFrom"
              label="生效日期"
              rules={[{ required: true, message: '请选择生效日期' }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="rules-effective" />
            </Form.Item>
          </Col>
        </Row>
        {retroactive && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="生效日期不晚于今天"
              description="保存后，自生效日期起已登记的编用、采用和批示将按这套规则重新计分。请写明追溯理由，保存前可查看将改变的得分。"
            />
            <Form.Item
              name="retroactiveReason"
              label="追溯理由"
              rules={[{ required: true, whitespace: true, message: '请填写追溯理由' }, { max: 200 }]}
            >
              <Input.TextArea rows={2} maxLength={200} showCount data-testid="rules-reason" />
            </Form.Item>
          </>
        )}
        <Typography.Title level={5}>本级刊物编用</Typography.Title>
        <Row gutter={12}>
          <Col xs={8}>
            <NumberField name={['own', 'single']} label="单篇编发" />
          </Col>
          <Col xs={8}>
            <NumberField name={['own', 'combined']} label="综合编发" />
          </Col>
          <Col xs={8}>
            <NumberField name={['own', 'referred']} label="转办" />
          </Col>
        </Row>
        <Typography.Title level={5}>上级采用（单篇 / 综合、摘报、原稿转送）</Typography.Title>
        {ADOPTION_BODY_KEYS.map((k) => (
          <Row gutter={12} key={k}>
            <Col xs={12}>
              <NumberField name={['adoption', k, 'single']} label={`${ADOPTION_BODIES[k]}·单篇`} />
            </Col>
            <Col xs={12}>
              <NumberField name={['adoption', k, 'combined']} label={`${ADOPTION_BODIES[k]}·综合`} />
            </Col>
          </Row>
        ))}
        <Typography.Title level={5}>领导批示</Typography.Title>
        <Row gutter={12}>
          {INSTRUCTION_RANK_KEYS.map((k) => (
            <Col xs={12} sm={8} key={k}>
              <NumberField name={['instruction', k]} label={INSTRUCTION_RANKS[k]} />
            </Col>
          ))}
        </Row>
        <Typography.Title level={5}>
          加分（委员加分每条信息每个事件计一次，全国政协委员优先；约稿每次上级采用加分）
        </Typography.Title>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <NumberField name={['bonus', 'own', 'province']} label="本级·省政协委员" />
          </Col>
          <Col xs={12} sm={6}>
            <NumberField name={['bonus', 'own', 'national']} label="本级·全国政协委员" />
          </Col>
          <Col xs={12} sm={6}>
            <NumberField name={['bonus', 'upstream', 'province']} label="上级·省政协委员" />
          </Col>
          <Col xs={12} sm={6}>
            <NumberField name={['bonus', 'upstream', 'national']} label="上级·全国政协委员" />
          </Col>
          <Col xs={12} sm={6}>
            <NumberField name={['bonus', 'solicited']} label="约稿被上级采用" />
          </Col>
        </Row>
        <Typography.Title level={5}>封顶与分配</Typography.Title>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item name="capped" label="单条累计上限" valuePropName="checked">
              <Switch checkedChildren="设上限" unCheckedChildren="不设" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            {capped && (
              <Form.Item
                name={['rules', 'capPerItem']}
                label="上限"
                rules={[{ required: true, message: '请填写上限' }]}
              >
                <InputNumber {...point} min={1} suffix="分" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['rules', 'unitParallel']} label="报送单位" valuePropName="checked">
              <Switch checkedChildren="全额计分" unCheckedChildren="不计分" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['rules', 'split', 'policy']} label="联名作者分配">
              <Select options={Object.entries(SPLIT_POLICIES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            {policy === 'fixed' && (
              <Form.Item
                name={['rules', 'split', 'firstPercent']}
                label="第一作者比例"
                rules={[{ required: true, message: '请填写比例' }]}
              >
                <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="limitCredited" label="限定计分人数" valuePropName="checked">
              <Switch />
            </Form.Item>
            {limitCredited && (
              <Form.Item
                name={['rules', 'split', 'maxCredited']}
                rules={[{ required: true, message: '请填写人数' }]}
              >
                <InputNumber min={1} max={20} precision={0} suffix="人" style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
