import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Space, Steps, Tag, Typography } from 'antd';
import { STEP_MODES } from '../../../shared/issues.ts';
import { formatDateTime } from '../../components/format.ts';
import type { ChainView } from './chain-types.ts';

interface Props {
  chain: ChainView;
  manage: boolean;
  onEdit: () => void;
}

/** One approval chain as it now stands: its steps, how each is signed and by whom. */
export function ChainCard({ chain, manage, onEdit }: Props) {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <Space size={[8, 4]} wrap>
          <Typography.Text strong data-testid="chain-name">
            {chain.name}
          </Typography.Text>
          <Tag color="blue" data-testid="chain-version">
            第{chain.version}版
          </Tag>
          {chain.active ? (
            <Tag color="green" data-testid="chain-status">
              启用
            </Tag>
          ) : (
            <Tag data-testid="chain-status">停用</Tag>
          )}
        </Space>
      }
      extra={
        manage && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="chain-edit">
            修改
          </Button>
        )
      }
      data-testid="chain-card"
      data-name={chain.name}
      data-chain-id={chain.id}
    >
      <Steps
        size="small"
        orientation={narrow ? 'vertical' : 'horizontal'}
        titlePlacement={narrow ? 'horizontal' : 'vertical'}
        items={chain.steps.map((step, index) => ({
          status: 'finish' as const,
          title: <span data-testid="chain-step-name">{step.name}</span>,
          icon: <StepNumber n={index + 1} />,
          content: (
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {STEP_MODES[step.mode]}
              </Typography.Text>
              {step.signerViews.map((s) => (
                <div key={`${s.type}:${s.id}`} data-testid="chain-signer">
                  {s.label}
                </div>
              ))}
            </div>
          ),
        }))}
      />
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
        最近修改：{formatDateTime(chain.updatedAt)}
      </Typography.Text>
    </Card>
  );
}

/** The step's number in a circle, in place of the status icons (a chain has no progress here). */
function StepNumber({ n }: { n: number }) {
  return (
    <span
      style={{
        display: 'inline-flex',
        width: 24,
        height: 24,
        borderRadius: 12,
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: 12,
        color: '#fff',
        background: '#1a4f8b',
      }}
    >
      {n}
    </span>
  );
}
