import {
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Form,
  type FormInstance,
  Grid,
  Input,
  InputNumber,
  Row,
  Space,
  Switch,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ITEM_STREAM_KEYS, ITEM_STREAMS, type ItemStream } from '../../../shared/items.ts';
import { publicationInput, type Recipient } from '../../../shared/schemas/issues.ts';
import { api } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { MastheadSample } from './MastheadSample.tsx';
import { colorOf, defaultPublisher, type PublicationOrg, type PublicationView } from './publication-types.ts';
import { RecipientsField } from './RecipientsField.tsx';

interface Props {
  /** `'new'` to create, a publication to edit, null when closed. */
  target: 'new' | PublicationView | null;
  org: PublicationOrg | undefined;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  name: string;
  masthead: string;
  mastheadColor: string;
  publisher: string;
  streams: ItemStream[];
  singleItem: boolean;
  perWeek: number;
  marking: string;
  recipients: Recipient[];
  printRun: number;
  countTotal: boolean;
  totalOffset: number;
  active: boolean;
}

const fields = publicationInput.shape;
const DEFAULT_MARKING = '内部资料　注意保存';

function newValues(org: PublicationOrg | undefined): Values {
  return {
    name: '',
    masthead: '',
    mastheadColor: 'C00000',
    publisher: org ? defaultPublisher(org.name) : '',
    streams: [...ITEM_STREAM_KEYS],
    singleItem: false,
    perWeek: 1,
    marking: DEFAULT_MARKING,
    recipients: [],
    printRun: 100,
    countTotal: true,
    totalOffset: 0,
    active: true,
  };
}

function valuesOf(p: PublicationView): Values {
  return {
    name: p.name,
    masthead: p.masthead,
    mastheadColor: p.mastheadColor,
    publisher: p.publisher,
    streams: p.streams,
    singleItem: p.singleItem,
    perWeek: p.perWeek,
    marking: p.marking,
    recipients: p.recipients.map((r) => ({ ...r })),
    printRun: p.printRun,
    countTotal: p.countTotal,
    totalOffset: p.totalOffset,
    active: p.active,
  };
}

/** A publication's settings: name, masthead, cadence, marking, default recipients, print run. */
export function PublicationFormDrawer({ target, org, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The title keeps its mode while the drawer animates closed.
  const last = useRef(target);
  if (target !== null) last.current = target;
  const editing = last.current !== 'new' ? last.current : null;
  // Issues already carry the running total: its starting point is fixed (the server refuses a change).
  const totalUsed = editing?.totalUsed ?? false;

  const masthead = Form.useWatch('masthead', form) ?? '';
  const mastheadColor = Form.useWatch('mastheadColor', form) ?? '';
  const marking = Form.useWatch('marking', form) ?? '';
  const publisher = Form.useWatch('publisher', form) ?? '';
  const countTotal = Form.useWatch('countTotal', form) ?? true;
  const totalOffset = Form.useWatch('totalOffset', form) ?? 0;
  const perWeek = Form.useWatch('perWeek', form);

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    form.setFieldsValue(target === 'new' ? newValues(org) : valuesOf(target));
  }, [target, org, form]);

  /** While the masthead still follows the name, typing the name fills it in. */
  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.name === undefined || target !== 'new' || form.isFieldTouched('masthead')) return;
    form.setFieldValue('masthead', changed.name.trim().slice(0, 12));
  };

  const submit = async () => {
    if (!org || target === null) return;
    const values = form.getFieldsValue(true) as Values;
    const parsed = publicationInput.safeParse({ ...values, orgId: target === 'new' ? org.id : target.orgId });
    if (!parsed.success) {
      const unplaced: string[] = [];
      const placed = parsed.error.issues.flatMap((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        // The list as a whole and the CPPCC have no field of their own to show the message on.
        if (path.length === 0 || path[0] === 'orgId' || (path[0] === 'recipients' && path.length === 1)) {
          unplaced.push(issue.message);
          return [];
        }
        return [{ name: path, errors: [issue.message] }];
      });
      // Paths come from the schema, so they name this form's fields; the form types only literal ones.
      (form as FormInstance).setFields(placed);
      if (unplaced[0]) message.error(unplaced[0]);
      return;
    }
    setSaving(true);
    try {
      if (target === 'new') await api.post('/publications', parsed.data);
      else await api.put(`/publications/${target.id}`, { ...parsed.data, version: target.version });
      message.success(
        target === 'new' ? `刊物《${parsed.data.name}》已新建` : `《${parsed.data.name}》的设置已保存`,
      );
      onSaved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const half = { xs: 24, md: 12 };

  return (
    <Drawer
      title={editing ? `修改刊物：《${editing.name}》` : `新建刊物${org ? `（${org.name}）` : ''}`}
      open={target !== null}
      onClose={onClose}
      size={screens.lg ? 920 : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid="publication-submit"
          >
            保存
          </Button>
        </Space>
      }
    >
      <Form
        name="publication"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        scrollToFirstError
      >
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          基本信息
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="name"
              label="刊物名称"
              validateFirst
              rules={[{ required: true, whitespace: true, message: '请填写刊物名称' }, zodRule(fields.name)]}
              extra="不加书名号，如：政协信息"
            >
              <Input maxLength={20} data-testid="publication-name-input" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="publisher"
              label="编印单位"
              validateFirst
              rules={[
                { required: true, whitespace: true, message: '请填写编印单位' },
                zodRule(fields.publisher),
              ]}
            >
              <Input
                maxLength={30}
                placeholder="如：政协安徽省委员会办公厅"
                data-testid="publication-publisher"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="streams"
              label="刊载信息类别"
              rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一类信息' }]}
            >
              <Checkbox.Group
                options={ITEM_STREAM_KEYS.map((k) => ({ value: k, label: ITEM_STREAMS[k] }))}
                data-testid="publication-streams"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="singleItem"
              label="每期一篇（专报）"
              valuePropName="checked"
              extra="如《政协信息专报》：每期只编发一篇信息"
            >
              <Switch checkedChildren="是" unCheckedChildren="否" data-testid="publication-single" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">报头</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="masthead"
              label="报头文字"
              validateFirst
              rules={[
                { required: true, whitespace: true, message: '请填写报头文字' },
                zodRule(fields.masthead),
              ]}
            >
              <Input maxLength={12} data-testid="publication-masthead" />
            </Form.Item>
            <Form.Item
              label="报头颜色"
              required
              extra="六位十六进制色值，红头一般为 C00000"
              data-testid="publication-color-item"
            >
              <div style={{ display: 'flex', gap: 8 }}>
                <Form.Item
                  name="mastheadColor"
                  noStyle
                  rules={[{ required: true, message: '请填写报头颜色' }, zodRule(fields.mastheadColor)]}
                  normalize={(value: string) => value.replace(/^#/, '').toUpperCase()}
                >
                  <Input prefix="#" maxLength={7} style={{ width: 160 }} data-testid="publication-color" />
                </Form.Item>
                <span
                  aria-hidden
                  style={{
                    width: 32,
                    height: 32,
                    borderRadius: 4,
                    border: '1px solid #d9d9d9',
                    background:
                      colorOf(mastheadColor) ?? 'repeating-linear-gradient(45deg, #fff 0 4px, #eee 4px 8px)',
                  }}
                  data-testid="publication-color-swatch"
                />
              </div>
            </Form.Item>
            <Form.Item
              name="marking"
              label="发行范围标注"
              rules={[zodRule(fields.marking)]}
              extra="印在报头左上方，如：内部资料　注意保存；可不填"
            >
              <Input maxLength={20} data-testid="publication-marking" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label="报头样式预览">
              <MastheadSample
                masthead={masthead}
                color={mastheadColor}
                marking={marking}
                publisher={publisher}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">编发</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="perWeek"
              label="每周期数"
              validateFirst
              rules={[{ required: true, message: '请填写每周期数' }, zodRule(fields.perWeek)]}
              extra={perWeek === 0 ? '不定期编发' : '0 表示不定期'}
            >
              <InputNumber
                min={0}
                max={7}
                precision={0}
                suffix="期"
                style={{ width: '100%' }}
                data-testid="publication-per-week"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="printRun"
              label="印数"
              validateFirst
              rules={[{ required: true, message: '请填写印数' }, zodRule(fields.printRun)]}
              extra="版记中标注“共印N份”"
            >
              <InputNumber
                min={1}
                max={100000}
                precision={0}
                suffix="份"
                style={{ width: '100%' }}
                data-testid="publication-print-run"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="active"
              label="编发状态"
              valuePropName="checked"
              extra="停刊后不能再编排新的期次，往期仍可查阅"
            >
              <Switch checkedChildren="正常编发" unCheckedChildren="停刊" data-testid="publication-active" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="countTotal"
              label="标注总期数"
              valuePropName="checked"
              extra="期号后标注“总第M期”，跨年连续计数"
            >
              <Switch
                checkedChildren="标注"
                unCheckedChildren="不标注"
                data-testid="publication-count-total"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="totalOffset"
              label="起始总期数（此前已出版期数）"
              validateFirst
              rules={[{ required: true, message: '请填写此前已出版期数' }, zodRule(fields.totalOffset)]}
              extra={
                <span data-testid="publication-total-offset-note">
                  {totalUsed
                    ? '已按总期数编号，起始数不能再修改'
                    : countTotal
                      ? `本系统签发的第一期为总第${(Number(totalOffset) || 0) + 1}期`
                      : '不标注总期数时不使用'}
                </span>
              }
            >
              <InputNumber
                min={0}
                max={1_000_000}
                precision={0}
                suffix="期"
                disabled={!countTotal || totalUsed}
                style={{ width: 200 }}
                data-testid="publication-total-offset"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">报送对象</Divider>
        <RecipientsField />
      </Form>
    </Drawer>
  );
}
