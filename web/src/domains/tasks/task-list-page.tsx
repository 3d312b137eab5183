import { BellOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Grid,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { formatDateTime } from '../../shared/dates.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf, useListParams, useSearchText } from '../../shared/list-state.js';
import { type Task, type TaskPriority, type TaskStatus, useDeleteTask, useSetTaskStatus, useTasks } from './api.js';
import { addDays, companyToday, dayStartIso, weekStart } from '../../shared/dates.js';
import { TaskFormDrawer } from './task-form.js';
import { FilterBar, LoadError, MultiFilter } from '../../shared/filter-bar.js';
import { dueLabel, OPEN_STATUSES, PriorityTag, TaskStatusTag, useTaskOptions } from './task-labels.js';

const TABS = ['mine', 'overdue', 'today', 'week', 'all'] as const;
type TabKey = (typeof TABS)[number];
const FILTERS = ['q', 'status', 'priority', 'ownerId'];
/** The API has no priority filter: with one chosen, this many tasks are fetched and narrowed here. */
const LOCAL_FILTER_LIMIT = 200;

export function TaskListPage() {
  const { t, i18n } = useTranslation('tasks');
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const conflict = useConflictDialog();
  const options = useTaskOptions();
  const lp = useListParams();
  const [creating, setCreating] = useState(false);
  const setStatus = useSetTaskStatus();
  const del = useDeleteTask();
  const [pendingId, setPendingId] = useState<string>();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const ownScope = me?.scope === 'own';

  const rawTab = lp.text('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(rawTab ?? '') ? (rawTab as TabKey) : 'mine';
  const q = lp.text('q');
  const statusFilter = lp.list('status') as TaskStatus[];
  const priority = lp.list('priority') as TaskPriority[];
  const ownerId = lp.text('ownerId');
  // The task in the drawer is part of the URL, so notification links (?focus=<id>) open it.
  const focus = lp.text('focus');
  const [shownId, setShownId] = useState(focus);
  if (focus && focus !== shownId) setShownId(focus);

  const today = companyToday();
  const monday = weekStart(today);
  // Tabs about what is left to do show open work unless a status is chosen; 'all' shows every status.
  const statusDefault = tab === 'all' ? undefined : OPEN_STATUSES;
  const localPriority = priority.length > 0;
  const query: Query = {
    page: localPriority ? 1 : lp.page,
    pageSize: localPriority ? LOCAL_FILTER_LIMIT : lp.pageSize,
    sort: lp.sort,
    q,
    status: tab === 'overdue' ? undefined : statusFilter.length ? statusFilter : statusDefault,
    ownerId: tab === 'mine' ? me?.id : ownerId,
    overdue: tab === 'overdue' ? 'true' : undefined,
    dueFrom: tab === 'today' ? dayStartIso(today) : tab === 'week' ? dayStartIso(monday) : undefined,
    dueTo: tab === 'today' ? dayStartIso(addDays(today, 1)) : tab === 'week' ? dayStartIso(addDays(monday, 7)) : undefined,
  };
  const { data, isFetching, isError, error, refetch } = useTasks(query);
  const overdueCount = useTasks({ overdue: 'true', pageSize: 1 }).data?.total ?? 0;
  const rows = (data?.items ?? []).filter((x) => !localPriority || priority.includes(x.priority));
  const total = localPriority ? rows.length : (data?.total ?? 0);

  const { update } = lp;
  const commitSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const search = useSearchText(q, commitSearch);
  const filtered = FILTERS.some((k) => lp.params.has(k));
  const activeFilters = FILTERS.filter((k) => k !== 'q' && lp.params.has(k)).length;
  const keepPage = { page: lp.page === 1 ? undefined : lp.page };
  const openTask = (id: string | undefined) => update({ focus: id, ...keepPage });

  const toggle = async (task: Task) => {
    const next: TaskStatus = task.status === 'done' ? 'open' : 'done';
    setPendingId(task.id);
    try {
      const saved = await setStatus.mutateAsync({ task, status: next });
      if (next === 'done') {
        const key = `task-done-${task.id}`;
        message.success({
          key,
          content: (
            <span>
              {t('list.completed', { title: task.title })}{' '}
              <Typography.Link
                onClick={() => {
                  message.destroy(key);
                  setStatus.mutate(
                    { task: saved, status: task.status },
                    { onError: (e) => message.error(e instanceof Error ? e.message : String(e)) },
                  );
                }}
              >
                {t('list.undo')}
              </Typography.Link>
            </span>
          ),
        });
      } else {
        message.success(t('list.reopened', { title: task.title }));
      }
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void refetch());
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setPendingId(undefined);
    }
  };

  const remove = async (task: Task) => {
    try {
      await del.mutateAsync(task.id);
      message.success(t('common:deleted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const canEdit = can('tasks', 'edit');
  const dueText = (task: Task) => (
    <Typography.Text type={task.overdue ? 'danger' : task.dueAt ? undefined : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
      {dueLabel(task.dueAt, t, i18n.language)}
    </Typography.Text>
  );
  const titleText = (task: Task) => (
    <Typography.Text
      delete={task.status === 'done' || task.status === 'cancelled'}
      type={task.status === 'done' || task.status === 'cancelled' ? 'secondary' : undefined}
      style={{ fontWeight: 500 }}
    >
      {task.title}
    </Typography.Text>
  );
  const customerLink = (task: Task) =>
    task.customerId ? (
      <Link to={`/customers/${task.customerId}`} onClick={(e) => e.stopPropagation()}>
        {task.customerName ?? '—'}
      </Link>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const checkColumn: ColumnsType<Task>[number] = {
    key: 'done',
    width: 48,
    align: 'center',
    // The cell swallows its clicks, so ticking a task off never opens its drawer.
    onCell: () => ({ onClick: (e) => e.stopPropagation() }),
    render: (_, task) => (
      <Tooltip title={task.status === 'done' ? t('list.markOpen') : t('list.markDone')}>
        <Checkbox
          checked={task.status === 'done'}
          disabled={!canEdit || task.status === 'cancelled' || pendingId === task.id}
          onChange={() => void toggle(task)}
          aria-label={task.status === 'done' ? t('list.markOpen') : t('list.markDone')}
          data-testid="task-done"
        />
      </Tooltip>
    ),
  };

  const desktopColumns: ColumnsType<Task> = [
    checkColumn,
    {
      key: 'title',
      title: t('fields.title'),
      width: 300,
      render: (_, task) => (
        <Space size={6} wrap={false}>
          {titleText(task)}
          {task.remindAt && task.status !== 'done' && task.status !== 'cancelled' && (
            <Tooltip title={t('list.remindAt', { at: formatDateTime(task.remindAt, i18n.language) })}>
              <BellOutlined style={{ color: '#8c8c8c' }} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    { key: 'priority', title: t('fields.priority'), width: 90, render: (_, task) => <PriorityTag priority={task.priority} /> },
    {
      key: 'dueAt',
      title: t('fields.dueAt'),
      width: 170,
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      sortOrder: sortOrderOf(lp.sort ?? 'dueAt', 'dueAt'),
      render: (_, task) => (
        <Space size={6} wrap={false}>
          {dueText(task)}
          {task.overdue && (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('list.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'status', title: t('fields.status'), width: 100, render: (_, task) => <TaskStatusTag status={task.status} /> },
    { key: 'customer', title: t('fields.customer'), width: 240, ellipsis: true, render: (_, task) => customerLink(task) },
    ...(ownScope
      ? []
      : [{ key: 'owner', title: t('fields.owner'), width: 100, render: (_: unknown, task: Task) => task.ownerName ?? '—' }]),
    {
      key: 'actions',
      title: t('list.actions'),
      width: 96,
      fixed: 'right',
      render: (_, task) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Tooltip title={t('common:actions.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              onClick={() => openTask(task.id)}
              aria-label={t('common:actions.edit')}
            />
          </Tooltip>
          {can('tasks', 'delete') && (
            <Popconfirm
              title={t('common:confirmDelete', { name: task.title })}
              okText={t('common:actions.delete')}
              cancelText={t('common:actions.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(task)}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  // On a phone one column carries the essentials; the drawer has the rest.
  const phoneColumns: ColumnsType<Task> = [
    checkColumn,
    {
      key: 'title',
      title: t('fields.title'),
      render: (_, task) => (
        <div style={{ minWidth: 0 }}>
          <div>{titleText(task)}</div>
          <Space size={[6, 4]} wrap style={{ marginTop: 4, fontSize: 12 }}>
            <PriorityTag priority={task.priority} />
            {task.status !== 'open' && <TaskStatusTag status={task.status} />}
            {dueText(task)}
            {task.overdue && <Tag color="error">{t('list.overdue')}</Tag>}
            {task.customerId && customerLink(task)}
            {!ownScope && task.ownerName && <Typography.Text type="secondary">{task.ownerName}</Typography.Text>}
          </Space>
        </div>
      ),
    },
  ];

  const emptyText = filtered ? t('list.emptyFiltered') : t(`list.empty.${tab}`);
  const tabLabel = (key: TabKey) =>
    key === 'overdue' && overdueCount > 0 ? (
      <Space size={6}>
        {t('tabs.overdue')}
        <Badge count={overdueCount} size="small" overflowCount={99} />
      </Space>
    ) : (
      t(`tabs.${key}`)
    );

  const filterCol = { xs: 24, sm: 12, md: 6, xl: 4 };
  return (
    <>
      <PageHeader
        title={t('list.title')}
        sub={data ? t('list.count', { total }) : undefined}
        extra={
          can('tasks', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-new">
              {t('list.new')}
            </Button>
          )
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 4, paddingBottom: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'mine' ? undefined : key, status: undefined })}
          items={TABS.map((key) => ({ key, label: tabLabel(key) }))}
          tabBarGutter={phone ? 20 : undefined}
          data-testid="task-tabs"
        />
        <FilterBar
          search={search}
          searchPlaceholder={t('list.search')}
          searchTestId="task-search"
          searchCol={{ xs: 24, md: 12, xl: 6 }}
          activeFilters={activeFilters}
          onClear={filtered ? () => lp.clear(FILTERS) : undefined}
          clearCol={{ xs: 24, sm: 12, md: 6, xl: 3 }}
        >
          {tab !== 'overdue' && (
            <Col {...filterCol}>
              <MultiFilter
                placeholder={statusDefault ? t('list.statusOpenDefault') : t('list.statusAll')}
                value={statusFilter}
                onChange={(v) => update({ status: v })}
                options={options.status}
              />
            </Col>
          )}
          <Col {...filterCol}>
            <MultiFilter
              placeholder={t('list.priorityAll')}
              value={priority}
              onChange={(v) => update({ priority: v })}
              options={options.priority}
            />
          </Col>
          {!ownScope && tab !== 'mine' && (
            <Col {...filterCol}>
              <OwnerSelect
                placeholder={t('list.ownerAll')}
                value={ownerId}
                onChange={(v) => update({ ownerId: v })}
                style={{ width: '100%' }}
              />
            </Col>
          )}
        </FilterBar>

        {isError && <LoadError title={t('list.loadFailed')} error={error} onRetry={() => void refetch()} />}
        {localPriority && (data?.total ?? 0) > LOCAL_FILTER_LIMIT && (
          <Alert type="info" showIcon title={t('list.priorityLimited', { limit: LOCAL_FILTER_LIMIT })} style={{ marginBottom: 16 }} />
        )}

        <Table<Task>
          rowKey="id"
          size="middle"
          columns={phone ? phoneColumns : desktopColumns}
          dataSource={rows}
          loading={isFetching}
          showHeader={!phone}
          scroll={phone ? undefined : { x: 'max-content' }}
          onRow={(task) => ({ onClick: () => openTask(task.id), style: { cursor: 'pointer' } })}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortParamOf(sorter) === '-dueAt' ? '-dueAt' : undefined });
            else if (extra.action === 'paginate') update({ page: pagination.current, pageSize: pagination.pageSize });
          }}
          pagination={{
            current: localPriority ? lp.page : (data?.page ?? lp.page),
            pageSize: lp.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (n) => t('common:total', { total: n }),
            responsive: true,
            hideOnSinglePage: phone,
          }}
          locale={{
            emptyText:
              isFetching || isError ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText}>
                  {filtered ? (
                    <Button onClick={() => lp.clear(FILTERS)}>{t('list.clearFilters')}</Button>
                  ) : (
                    can('tasks', 'create') &&
                    tab !== 'overdue' && (
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                        {t('list.new')}
                      </Button>
                    )
                  )}
                </Empty>
              ),
          }}
          data-testid="task-table"
        />
      </Card>

      <TaskFormDrawer open={creating} onClose={() => setCreating(false)} />
      <TaskFormDrawer open={!!focus} taskId={focus ?? shownId} onClose={() => openTask(undefined)} />
    </>
  );
}
