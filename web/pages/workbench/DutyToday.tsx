import { ScheduleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { Link } from 'react-router';
import type { DataResponse } from '../../api/client.ts';
import { type Ref, useApiData } from '../../components/use-desk-data.ts';

interface DutyToday {
  org: Ref;
  user: Ref | null;
}

/** 「今日值班：某某」 for each desk the user works (GET /duty/today). */
export function DutyToday() {
  const { data } = useApiData<DataResponse<DutyToday[]>>('/duty/today', { quiet: true });
  const desks = data?.data ?? [];
  if (desks.length === 0) return null;
  const several = desks.length > 1;
  return (
    <div
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}
      data-testid="duty-today"
    >
      <ScheduleOutlined />
      <Typography.Text>今日值班：</Typography.Text>
      {desks.map(({ org, user }, i) => (
        <Typography.Text key={org.id}>
          {several && `${org.name} `}
          {user ? (
            <Typography.Text strong data-testid="duty-today-user">
              {user.name}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">未安排</Typography.Text>
          )}
          {several && i < desks.length - 1 && '；'}
        </Typography.Text>
      ))}
      <Link to="/duty">查看值班表</Link>
    </div>
  );
}
