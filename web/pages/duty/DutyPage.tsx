import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Grid, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { toQuery } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData, useAssignees, useDesks } from '../../components/use-desk-data.ts';
import { DeskSelect, useDeskChoice } from '../workbench/DeskSelect.tsx';
import { type Dayjs, dayjs } from '../workbench/dayjs-zh.ts';
import { DutyDayModal } from './DutyDayModal.tsx';
import { DutyMonthList } from './DutyMonthList.tsx';
import { DAY, type DutyMonth, type DutyView, MONTH } from './duty-types.ts';

/** The duty roster (值班安排) of a desk, a month at a time. */
export function DutyPage() {
  const wide = Grid.useBreakpoint().md ?? false;
  const { desks, loading: desksLoading } = useDesks();
  const { desk, choose } = useDeskChoice(desks);
  const { assignees } = useAssignees(desk?.id);
  const [value, setValue] = useState<Dayjs>(() => dayjs());
  const [editing, setEditing] = useState<string | null>(null);
  const month = value.format(MONTH);
  const roster = useApiData<DutyMonth>(desk ? `/duty${toQuery({ orgId: desk.id, month })}` : null);
  const manage = roster.data?.abilities.manage ?? false;
  const byDay = useMemo(
    () =>
      new Map((desk ? (roster.data?.data ?? []) : []).map((duty): [string, DutyView] => [duty.date, duty])),
    [roster.data, desk],
  );
  const todayKey = dayjs().format(DAY);

  const cell = (date: Dayjs) => {
    const key = date.format(DAY);
    const duty = date.format(MONTH) === month ? byDay.get(key) : undefined;
    return (
      <div data-testid={`duty-day-${key}`}>
        {key === todayKey && <Tag color="blue">今天</Tag>}
        {duty && (
          <div>
            <Typography.Text strong data-testid="duty-officer">
              {duty.user.name}
            </Typography.Text>
            {duty.note && (
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2, tooltip: duty.note }}
                style={{ margin: 0, fontSize: 12 }}
              >
                {duty.note}
              </Typography.Paragraph>
            )}
          </div>
        )}
      </div>
    );
  };

  const header = (
    <Space wrap style={{ marginBottom: 8 }}>
      <Button
        icon={<LeftOutlined />}
        onClick={() => setValue((v) => v.subtract(1, 'month'))}
        aria-label="上个月"
      />
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="duty-month">
        {value.format('YYYY年M月')}
      </Typography.Text>
      <Button
        icon={<RightOutlined />}
        onClick={() => setValue((v) => v.add(1, 'month'))}
        aria-label="下个月"
      />
      <Button onClick={() => setValue(dayjs())}>回到本月</Button>
    </Space>
  );

  return (
    <PageCard title="值班安排">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <DeskSelect desks={desks} loading={desksLoading} value={desk} onChange={choose} />
        {manage && (
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            点击日期安排或调整当日值班人员
          </Typography.Text>
        )}
      </div>
      {desk && (
        <Spin spinning={roster.loading}>
          <div data-testid="duty-calendar">
            <Calendar
              value={value}
              fullscreen={wide}
              headerRender={() => header}
              cellRender={(date, info) => (info.type === 'date' && wide ? cell(date) : null)}
              onSelect={(date, { source }) => {
                setValue(date);
                if (source === 'date' && manage) setEditing(date.format(DAY));
              }}
            />
          </div>
          {!wide && <DutyMonthList duties={[...byDay.values()]} today={todayKey} />}
        </Spin>
      )}
      <DutyDayModal
        date={editing}
        desk={desk}
        current={editing ? byDay.get(editing) : undefined}
        assignees={assignees}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          roster.reload();
        }}
      />
    </PageCard>
  );
}
