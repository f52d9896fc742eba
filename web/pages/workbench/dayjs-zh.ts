/** dayjs in Chinese (month and weekday names, weeks from Monday) for the calendars and pickers. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

export type { Dayjs } from 'dayjs';
export { dayjs };
