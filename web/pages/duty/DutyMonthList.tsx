import { List, Tag, Typography } from 'antd';
import { dayjs } from '../workbench/dayjs-zh.ts';
import { DAY, type DutyView } from './duty-types.ts';

interface Props {
  duties: readonly DutyView[];
  today: string;
}

const WEEKDAYS = '日一二三四五六';

/** The month's arrangements as a list, for phones where the calendar has no room for names. */
export function DutyMonthList({ duties, today }: Props) {
  const sorted = [...duties].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <List
      size="small"
      header={<Typography.Text strong>本月值班</Typography.Text>}
      dataSource={sorted}
      locale={{ emptyText: '本月尚未安排值班' }}
      data-testid="duty-list"
      renderItem={(duty) => {
        const day = dayjs(duty.date, DAY);
        return (
          <List.Item>
            <div>
              {day.format('M月D日')}（星期{WEEKDAYS[day.day()]}）{' '}
              {duty.date === today && <Tag color="blue">今天</Tag>}
              <Typography.Text strong>{duty.user.name}</Typography.Text>
              {duty.note && <Typography.Text type="secondary"> · {duty.note}</Typography.Text>}
            </div>
          </List.Item>
        );
      }}
    />
  );
}
