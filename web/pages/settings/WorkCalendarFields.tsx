import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { workYearSchema } from '../../../shared/schemas/settings.ts';
import { zodRule } from '../../components/zod-rule.ts';

const parse = (text: string) => text.split(/[\s,，、;；]+/).filter((d) => d !== '');

/**
 * A list of days typed one per line (or separated by commas): the form holds the list, the box
 * keeps what is being typed so a new line is not swallowed.
 */
function DayListInput({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: string[];
  onChange?: (days: string[]) => void;
  placeholder: string;
  testId: string;
}) {
  const [text, setText] = useState((value ?? []).join('\n'));
  useEffect(() => {
    setText((old) => (parse(old).join('\n') === (value ?? []).join('\n') ? old : (value ?? []).join('\n')));
  }, [value]);
  return (
    <Input.TextArea
      rows={4}
      value={text}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        onChange?.(parse(e.target.value));
      }}
    />
  );
}

/** The year after the latest one listed, or this year when none is. */
function nextYear(years: { year?: number }[] | undefined): number {
  const listed = (years ?? []).map((y) => Number(y?.year)).filter((y) => Number.isInteger(y));
  return listed.length ? Math.max(...listed) + 1 : new Date().getFullYear();
}

/** 工作日历: per year, the official holidays and adjusted working days, as the State Council publishes them. */
export function WorkCalendarFields() {
  const form = Form.useFormInstance();
  return (
    <>
      <Typography.Title level={5}>工作日历</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        交办件的办复期限、督办提醒按工作日计算：星期六、星期日休息，下列“放假日期”休息，“调休上班日期”（须为星期六或星期日）上班。
        请每年按国务院办公厅发布的部分节假日安排通知逐日填写，日期格式如2026-10-01，每行一个或以逗号分隔。未填写的年份只扣除周末。
        已交办件的期限在交办时确定，此后修改日历不影响已确定的期限。
      </Typography.Paragraph>
      <Form.List name="workCalendar">
        {(fields, { add, remove }) => (
          <div data-testid="settings-work-calendar">
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={
                  <Form.Item
                    name={[field.name, 'year']}
                    noStyle
                    rules={[{ required: true, message: '请填写年份' }]}
                  >
                    <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: 140 }} />
                  </Form.Item>
                }
                extra={
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                  >
                    删除该年
                  </Button>
                }
              >
                <Form.Item
                  name={[field.name, 'holidays']}
                  label="放假日期"
                  rules={[zodRule(workYearSchema.shape.holidays)]}
                >
                  <DayListInput placeholder={'2026-10-01\n2026-10-02'} testId="settings-holidays" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'workdays']}
                  label="调休上班日期"
                  rules={[zodRule(workYearSchema.shape.workdays)]}
                  style={{ marginBottom: 0 }}
                >
                  <DayListInput placeholder="2026-10-10" testId="settings-workdays" />
                </Form.Item>
              </Card>
            ))}
            <Form.Item>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    // The year after the latest one listed (or this year): never one twice.
                    year: nextYear(form.getFieldValue('workCalendar') as { year?: number }[] | undefined),
                    holidays: [],
                    workdays: [],
                  })
                }
                data-testid="settings-add-year"
              >
                添加年份
              </Button>
            </Form.Item>
          </div>
        )}
      </Form.List>
    </>
  );
}
