import { Alert, App, Grid } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { ChoiceFilter, ListFilters, OwnerFilter } from '../../shared/list-kit/list-filters.js';
import { ListCard, ListHeader, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { type Task, type TaskPriority, useDeleteTask, useTasks } from './api.js';
import { useTaskColumns } from './task-columns.js';
import { TaskFormDrawer } from './task-form.js';
import { useTaskOptions } from './task-labels.js';
import { defaultStatuses, TaskTabs, taskTabOf, taskTabQuery } from './task-tabs.js';
import { useTaskDone } from './use-task-done.js';

/** The API has no priority filter: with one chosen, this many tasks are fetched and narrowed here. */
const LOCAL_FILTER_LIMIT = 200;

/** C5: my tasks, the overdue ones, today's and this week's, ticked off in the list. */
export function TaskListPage() {
  const { t } = useTranslation('tasks');
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const options = useTaskOptions();
  const list = useListPage({ name: 'task', filters: ['q', 'status', 'priority', 'ownerId'] });
  const { update } = list;
  const [creating, setCreating] = useState(false);
  const del = useDeleteTask();
  const phone = !Grid.useBreakpoint().md;
  const ownScope = me?.scope === 'own';

  const tab = taskTabOf(list.text('tab'));
  const priority = list.list('priority') as TaskPriority[];
  // The task in the drawer is part of the URL, so notification links (?focus=<id>) open it.
  const focus = list.text('focus');
  const [shownId, setShownId] = useState(focus);
  if (focus && focus !== shownId) setShownId(focus);

  const localPriority = priority.length > 0;
  const query = useTasks({
    page: localPriority ? 1 : list.page,
    pageSize: localPriority ? LOCAL_FILTER_LIMIT : list.pageSize,
    sort: list.sort,
    q: list.text('q'),
    ...taskTabQuery(tab, { status: list.list('status'), ownerId: list.text('ownerId'), myId: me?.id }),
  });
  const rows = (query.data?.items ?? []).filter((x) => !localPriority || priority.includes(x.priority));
  const total = localPriority ? rows.length : (query.data?.total ?? 0);

  const openTask = (id: string | undefined) => update({ focus: id, page: list.page === 1 ? undefined : list.page });
  const done = useTaskDone(() => void query.refetch());
  const remove = async (task: Task) => {
    try {
      await del.mutateAsync(task.id);
      message.success(t('common:deleted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const { columns, card } = useTaskColumns({
    ownScope,
    pendingId: done.pendingId,
    onToggle: (task) => void done.toggle(task),
    onOpen: (task) => openTask(task.id),
    onRemove: remove,
  });
  const create = { label: t('list.new'), onClick: () => setCreating(true), allowed: can('tasks', 'create') };

  const statusPlaceholder = defaultStatuses(tab) ? t('list.statusOpenDefault') : t('list.statusAll');
  return (
    <>
      <ListHeader list={list} title={t('list.title')} count={query.data && t('list.count', { total })} create={create} />
      <ListCard tabs>
        <TaskTabs tab={tab} phone={phone} onChange={(key) => update({ tab: key === 'mine' ? undefined : key, status: undefined })} />
        <ListFilters
          list={list}
          searchPlaceholder={t('list.search')}
          searchCol={{ xs: 24, md: 12, xl: 6 }}
          filterCol={{ xs: 24, sm: 12, md: 6, xl: 4 }}
        >
          {tab !== 'overdue' && (
            <ChoiceFilter list={list} name="status" multiple placeholder={statusPlaceholder} options={options.status} />
          )}
          <ChoiceFilter list={list} name="priority" multiple placeholder={t('list.priorityAll')} options={options.priority} />
          {!ownScope && tab !== 'mine' && <OwnerFilter list={list} placeholder={t('list.ownerAll')} />}
        </ListFilters>
        {localPriority && (query.data?.total ?? 0) > LOCAL_FILTER_LIMIT && (
          <Alert type="info" showIcon title={t('list.priorityLimited', { limit: LOCAL_FILTER_LIMIT })} style={{ marginBottom: 16 }} />
        )}
        <ListTable<Task>
          list={list}
          query={query}
          columns={columns}
          // Soonest due first is the server's order; only the reverse needs saying.
          defaultSort="dueAt"
          rows={localPriority ? rows : undefined}
          total={total}
          card={card}
          empty={{
            text: t(`list.empty.${tab}`),
            filteredText: t('list.emptyFiltered'),
            create: tab === 'overdue' ? undefined : create,
          }}
          errorTitle={t('list.loadFailed')}
          onRowClick={(task) => openTask(task.id)}
        />
      </ListCard>

      <TaskFormDrawer open={creating} onClose={() => setCreating(false)} />
      <TaskFormDrawer open={!!focus} taskId={focus ?? shownId} onClose={() => openTask(undefined)} />
    </>
  );
}
