import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays, companyToday, dateFromPicker, dateToPicker } from '../../shared/dates.js';

/** The earlier of two business dates ('YYYY-MM-DD' sorts as text). */
export const earlier = (a: string, b: string): string => [a, b].sort()[0] ?? a;

/** ← date → and 今天: days up to today only (a report of a day to come has nothing in it yet). */
export function DayPicker({ day, onChange, step = 1 }: { day: string; onChange: (day: string) => void; step?: number }) {
  const { t } = useTranslation('dailyReports');
  const today = companyToday();
  return (
    <Space size={4} wrap>
      <Tooltip title={t('mine.prev')}>
        <Button icon={<LeftOutlined />} aria-label={t('mine.prev')} onClick={() => onChange(addDays(day, -step))} />
      </Tooltip>
      <DatePicker
        value={dateToPicker(day)}
        allowClear={false}
        disabledDate={(d) => (dateFromPicker(d) ?? '') > today}
        onChange={(d) => onChange(dateFromPicker(d) ?? today)}
        data-testid="daily-day-picker"
      />
      <Tooltip title={t('mine.next')}>
        <Button
          icon={<RightOutlined />}
          aria-label={t('mine.next')}
          disabled={addDays(day, step) > today && day >= today}
          onClick={() => onChange(earlier(addDays(day, step), today))}
        />
      </Tooltip>
      <Button onClick={() => onChange(today)} disabled={day === today}>
        {t('mine.today')}
      </Button>
    </Space>
  );
}
