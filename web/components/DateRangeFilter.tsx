import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

const DAY = 'YYYY-MM-DD';

interface Props {
  from?: string;
  to?: string;
  /** Dates as YYYY-MM-DD (inclusive), undefined when cleared. */
  onChange: (from: string | undefined, to: string | undefined) => void;
}

export function DateRangeFilter({ from, to, onChange }: Props) {
  return (
    <DatePicker.RangePicker
      value={from && to ? [dayjs(from, DAY), dayjs(to, DAY)] : null}
      onChange={(range) => onChange(range?.[0]?.format(DAY), range?.[1]?.format(DAY))}
      disabledDate={(date) => date.isAfter(dayjs(), 'day')}
      placeholder={['开始日期', '结束日期']}
      style={{ width: 260 }}
    />
  );
}
