import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, type FormListFieldData, Input, Row, Select, Space } from 'antd';
import { STEP_MODE_KEYS, STEP_MODES, type StepMode } from '../../../shared/issues.ts';
import { chainStepSchema } from '../../../shared/schemas/issues.ts';
import { RowMoveActions } from '../../components/RowMoveActions.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { minSigners, STEP_MODE_HINTS } from './chain-types.ts';

const MAX_STEPS = 8;
const MAX_SIGNERS = 10;

export interface StepValues {
  name: string;
  mode: StepMode;
  /** `post:12` / `user:5`, in signing order. */
  signers: string[];
}

export const NEW_STEP: StepValues = { name: '', mode: 'single', signers: [] };

export interface SignerOptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

const modeOptions = STEP_MODE_KEYS.map((k) => ({ value: k, label: STEP_MODES[k] }));

/** The steps of a chain, signed one after another; each with its mode and signers. */
export function StepsField({ signerOptions }: { signerOptions: SignerOptionGroup[] }) {
  return (
    <Form.List
      name="steps"
      rules={[
        {
          validator: async (_, steps: unknown[] | undefined) => {
            if (!steps || steps.length === 0) throw new Error('审签流程至少一个环节');
            if (steps.length > MAX_STEPS) throw new Error(`审签流程最多${MAX_STEPS}个环节`);
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Form.Item label="审签环节" required extra="各环节按顺序办理，上一环节签署完毕后转入下一环节。">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <StepCard
                key={field.key}
                field={field}
                index={index}
                count={fields.length}
                signerOptions={signerOptions}
                onMove={(to) => move(index, to)}
                onRemove={() => remove(field.name)}
              />
            ))}
          </Space>
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_STEPS && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ ...NEW_STEP, signers: [] })}
              block
              style={{ marginTop: 12 }}
              data-testid="step-add"
            >
              添加环节
            </Button>
          )}
        </Form.Item>
      )}
    </Form.List>
  );
}

interface StepCardProps {
  field: FormListFieldData;
  index: number;
  count: number;
  signerOptions: SignerOptionGroup[];
  onMove: (to: number) => void;
  onRemove: () => void;
}

function StepCard({ field, index, count, signerOptions, onMove, onRemove }: StepCardProps) {
  const form = Form.useFormInstance();
  const mode = Form.useWatch<StepMode | undefined>(['steps', field.name, 'mode'], form);
  return (
    <Card
      size="small"
      type="inner"
      title={`第${index + 1}个环节`}
      data-testid="step-card"
      extra={
        <RowMoveActions
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          testId="step"
          removeLabel="删除该环节"
          removeDisabled={count <= 1}
        />
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[field.name, 'name']}
            label="环节名称"
            validateFirst
            rules={[
              { required: true, whitespace: true, message: '请填写环节名称' },
              zodRule(chainStepSchema.shape.name),
            ]}
          >
            <Input maxLength={30} placeholder="如：信息处处长审核" data-testid="step-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[field.name, 'mode']}
            label="审签方式"
            rules={[{ required: true, message: '请选择审签方式' }]}
            extra={mode ? STEP_MODE_HINTS[mode] : undefined}
          >
            <Select options={modeOptions} data-testid="step-mode" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name={[field.name, 'signers']}
            label="审签人"
            dependencies={[['steps', field.name, 'mode']]}
            style={{ marginBottom: 0 }}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string[] | undefined) => {
                  const current = getFieldValue(['steps', field.name, 'mode']) as StepMode | undefined;
                  const n = value?.length ?? 0;
                  if (n === 0) throw new Error('每个环节至少指定一名审签人');
                  if (n > MAX_SIGNERS) throw new Error(`每个环节最多${MAX_SIGNERS}名审签人`);
                  if (n < minSigners(current))
                    throw new Error(`${current === 'all' ? '会签' : '依次审签'}至少需要两名审签人`);
                },
              }),
            ]}
            extra={
              mode === 'sequential'
                ? '按所选顺序依次审签'
                : '可指定岗位（由A岗审签；A岗请假时由B岗审签）或具体人员'
            }
          >
            <Select<string[]>
              mode="multiple"
              options={signerOptions}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择岗位或人员"
              notFoundContent="没有可选的审签人"
              data-testid="step-signers"
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
