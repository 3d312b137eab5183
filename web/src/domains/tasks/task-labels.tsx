import { TASK_PRIORITIES, TASK_STATUSES } from '@contracts/tasks.js';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/dates.js';
import type { TaskPriority, TaskStatus } from './api.js';
import { addDays, companyDate, companyTime, companyToday } from '../../shared/dates.js';

export const OPEN_STATUSES: TaskStatus[] = ['open', 'in_progress'];

const PRIORITY_COLORS: Record<TaskPriority, string | undefined> = { urgent: 'red', high: 'orange', normal: 'blue', low: undefined };
const STATUS_COLORS: Record<TaskStatus, string | undefined> = {
  open: 'gold',
  in_progress: 'processing',
  done: 'success',
  cancelled: undefined,
};

/** Urgent and high stand out; low stays quiet. */
export function PriorityTag({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation('tasks');
  const color = PRIORITY_COLORS[priority];
  return (
    <Tag color={color} variant={color ? 'filled' : 'outlined'} style={{ marginInlineEnd: 0 }}>
      {t(`priority.${priority}`)}
    </Tag>
  );
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation('tasks');
  const color = STATUS_COLORS[status];
  return (
    <Tag color={color} variant={color ? 'filled' : 'outlined'} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function useTaskOptions() {
  const { t } = useTranslation('tasks');
  return {
    priority: [...TASK_PRIORITIES].reverse().map((p) => ({ value: p, label: t(`priority.${p}`) })),
    status: TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
  };
}

/** "今天 14:00" / "明天 09:30" / "昨天 18:00" for the days around today, the full date-time otherwise. */
export function dueLabel(iso: string | null, t: TFunction, locale: string): string {
  if (!iso) return t('tasks:list.noDue');
  const day = companyDate(iso);
  const today = companyToday();
  const time = companyTime(iso);
  if (day === today) return t('tasks:due.today', { time });
  if (day === addDays(today, 1)) return t('tasks:due.tomorrow', { time });
  if (day === addDays(today, -1)) return t('tasks:due.yesterday', { time });
  return formatDateTime(iso, locale);
}
