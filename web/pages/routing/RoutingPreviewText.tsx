import { Spin, Tag, Typography } from 'antd';
import { type DataResponse, toQuery } from '../../api/client.ts';
import { useApiData } from '../../components/use-desk-data.ts';
import type { RoutingPreview } from './routing-types.ts';

/** Where an organisation's items go now (GET /routing-preview). */
export function RoutingPreviewText({ orgId }: { orgId: number | undefined }) {
  const { data, loading } = useApiData<DataResponse<RoutingPreview>>(
    orgId ? `/routing-preview${toQuery({ orgId })}` : null,
  );
  if (!orgId) return null;
  if (loading || !data) return <Spin size="small" />;
  const { target, rule } = data.data;
  if (!target)
    return (
      <Typography.Text type="danger" data-testid="routing-preview-result">
        未找到接收政协：该单位报送的信息无法送达，请为其设置指定报送路径。
      </Typography.Text>
    );
  return (
    <span data-testid="routing-preview-result">
      报送的信息由 <Typography.Text strong>{target.name}</Typography.Text> 接收{' '}
      {rule === 'override' ? <Tag color="orange">指定路径</Tag> : <Tag>默认规则</Tag>}
    </span>
  );
}
