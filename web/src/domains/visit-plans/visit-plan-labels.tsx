import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPlanStatus } from './api.js';

const COLORS: Record<VisitPlanStatus, string> = { planned: 'processing', done: 'success', missed: 'error' };

/** 计划中 / 已拜访 / 未拜访 */
export function VisitStatusTag({ status }: { status: VisitPlanStatus }) {
  const { t } = useTranslation('visitPlans');
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** '2025-03-06' → '3月6日 周四' / 'Thu, Mar 6' (a business date, not an instant: no zone shift). */
export function formatDay(date: string, locale: string, withYear = false): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    ...(withYear ? { year: 'numeric' } : {}),
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}
