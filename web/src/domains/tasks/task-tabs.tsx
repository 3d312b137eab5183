import { Badge, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api-client.js';
import { addDays, companyToday, dayStartIso, weekStart } from '../../shared/dates.js';
import { useTasks } from './api.js';
import { OPEN_STATUSES } from './task-labels.js';

export const TASK_TABS = ['mine', 'overdue', 'today', 'week', 'all'] as const;
export type TaskTab = (typeof TASK_TABS)[number];

export const taskTabOf = (raw: string | undefined): TaskTab =>
  (TASK_TABS as readonly string[]).includes(raw ?? '') ? (raw as TaskTab) : 'mine';

/** Tabs about what is left to do show open work unless a status is chosen; 'all' shows every status. */
export const defaultStatuses = (tab: TaskTab) => (tab === 'all' ? undefined : OPEN_STATUSES);

/** What each tab asks the server for, on top of the search and the chosen statuses and owner. */
export function taskTabQuery(tab: TaskTab, chosen: { status: string[]; ownerId: string | undefined; myId: string | undefined }): Query {
  const today = companyToday();
  const monday = weekStart(today);
  const [dueFrom, dueTo] =
    tab === 'today' ? [today, addDays(today, 1)] : tab === 'week' ? [monday, addDays(monday, 7)] : [undefined, undefined];
  return {
    status: tab === 'overdue' ? undefined : chosen.status.length ? chosen.status : defaultStatuses(tab),
    ownerId: tab === 'mine' ? chosen.myId : chosen.ownerId,
    overdue: tab === 'overdue' ? 'true' : undefined,
    dueFrom: dueFrom && dayStartIso(dueFrom),
    dueTo: dueTo && dayStartIso(dueTo),
  };
}

/** 我的 / 已逾期 (with a count while any is overdue) / 今天 / 本周 / 全部. */
export function TaskTabs({ tab, onChange, phone }: { tab: TaskTab; onChange: (tab: TaskTab) => void; phone: boolean }) {
  const { t } = useTranslation('tasks');
  const overdueCount = useTasks({ overdue: 'true', pageSize: 1 }).data?.total ?? 0;
  const label = (key: TaskTab) =>
    key === 'overdue' && overdueCount > 0 ? (
      <Space size={6}>
        {t('tabs.overdue')}
        <Badge count={overdueCount} size="small" overflowCount={99} />
      </Space>
    ) : (
      t(`tabs.${key}`)
    );
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => onChange(key as TaskTab)}
      items={TASK_TABS.map((key) => ({ key, label: label(key) }))}
      tabBarGutter={phone ? 20 : undefined}
      data-testid="task-tabs"
    />
  );
}
