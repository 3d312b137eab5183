import { Divider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/dates.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { useUserOptions } from '../../shared/owner-select.js';
import type { Task } from './api.js';

/** Column name in record_history → the field's label key. */
const HISTORY_FIELDS: Record<string, string> = {
  title: 'fields.title',
  description: 'fields.description',
  due_at: 'fields.dueAt',
  priority: 'fields.priority',
  status: 'fields.status',
  remind_at: 'fields.remindAt',
  completed_at: 'fields.completedAt',
  customer_id: 'fields.customer',
  contact_id: 'fields.contact',
  owner_id: 'fields.owner',
  owner_dept_id: 'fields.ownerDept',
};

/** Under an existing task's form: who created it and when, when it was done, and every change since (P3). */
export function TaskHistory({ task }: { task: Task }) {
  const { t, i18n } = useTranslation('tasks');
  const users = useUserOptions();
  const locale = i18n.language;
  const userName = (id: unknown) => users.data?.items.find((u) => u.id === id)?.displayName;
  const historyValue = (field: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (field === 'priority') return t(`priority.${String(value)}`, { defaultValue: String(value) });
    if (field === 'status') return t(`status.${String(value)}`, { defaultValue: String(value) });
    if (field === 'due_at' || field === 'remind_at' || field === 'completed_at') return formatDateTime(String(value), locale);
    if (field === 'owner_id') return userName(value);
    if (field === 'customer_id' && value === task.customerId) return task.customerName ?? undefined;
    return undefined;
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('form.createdInfo', { at: formatDateTime(task.createdAt, locale), name: userName(task.createdBy) ?? '—' })}
        {task.completedAt && (
          <>
            {' · '}
            {t('form.completedInfo', { at: formatDateTime(task.completedAt, locale) })}
          </>
        )}
      </Typography.Paragraph>
      <Divider titlePlacement="start" plain>
        {t('common:history.title')}
      </Divider>
      <HistoryTimeline
        plural="tasks"
        id={task.id}
        fieldLabel={(f) => (HISTORY_FIELDS[f] ? t(HISTORY_FIELDS[f]) : f)}
        valueLabel={historyValue}
      />
    </>
  );
}
