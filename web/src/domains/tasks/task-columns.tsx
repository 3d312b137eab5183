import { BellOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../shared/dates.js';
import type { CardLayout, ListColumn } from '../../shared/list-kit/index.js';
import type { Task } from './api.js';
import { dueLabel, PriorityTag, TaskStatusTag } from './task-labels.js';

interface TaskColumnsOptions {
  /** A rep who sees only their own tasks needs no owner column. */
  ownScope: boolean;
  /** The task being ticked off right now: its box waits for the server. */
  pendingId: string | undefined;
  onToggle: (task: Task) => void;
  onOpen: (task: Task) => void;
  onRemove: (task: Task) => void;
}

const closed = (task: Task) => task.status === 'done' || task.status === 'cancelled';

/** The task list's columns (tick box, title, priority, due, status, customer, owner, actions) and its phone card. */
export function useTaskColumns({ ownScope, pendingId, onToggle, onOpen, onRemove }: TaskColumnsOptions) {
  const { t, i18n } = useTranslation('tasks');
  const { can } = useAuth();

  const dueText = (task: Task) => (
    <Typography.Text type={task.overdue ? 'danger' : task.dueAt ? undefined : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
      {dueLabel(task.dueAt, t, i18n.language)}
    </Typography.Text>
  );
  const overdueTag = (task: Task) => task.overdue && <Tag color="error">{t('list.overdue')}</Tag>;
  const titleText = (task: Task) => (
    <Typography.Text delete={closed(task)} type={closed(task) ? 'secondary' : undefined} style={{ fontWeight: 500 }}>
      {task.title}
    </Typography.Text>
  );
  const customerLink = (task: Task) =>
    task.customerId && (
      <Link to={`/customers/${task.customerId}`} onClick={(e) => e.stopPropagation()}>
        {task.customerName ?? '—'}
      </Link>
    );
  const markLabel = (task: Task) => (task.status === 'done' ? t('list.markOpen') : t('list.markDone'));

  const columns: ListColumn<Task>[] = [
    {
      key: 'done',
      width: 48,
      align: 'center',
      // The cell swallows its clicks, so ticking a task off never opens its drawer.
      onCell: () => ({ onClick: (e) => e.stopPropagation() }),
      render: (_, task) => (
        <Tooltip title={markLabel(task)}>
          <Checkbox
            checked={task.status === 'done'}
            disabled={!can('tasks', 'edit') || task.status === 'cancelled' || pendingId === task.id}
            onChange={() => onToggle(task)}
            aria-label={markLabel(task)}
            data-testid="task-done"
          />
        </Tooltip>
      ),
    },
    {
      key: 'title',
      title: t('fields.title'),
      width: 300,
      render: (_, task) => (
        <Space size={6} wrap={false}>
          {titleText(task)}
          {task.remindAt && !closed(task) && (
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
      sortable: true,
      sortDirections: ['ascend', 'descend'],
      render: (_, task) => (
        <Space size={6} wrap={false}>
          {dueText(task)}
          {overdueTag(task)}
        </Space>
      ),
    },
    { key: 'status', title: t('fields.status'), width: 100, render: (_, task) => <TaskStatusTag status={task.status} /> },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 240,
      ellipsis: true,
      render: (_, task) => customerLink(task) ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
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
            <Button type="text" size="small" icon={<EditOutlined />} onClick={() => onOpen(task)} aria-label={t('common:actions.edit')} />
          </Tooltip>
          {can('tasks', 'delete') && (
            <Popconfirm
              title={t('common:confirmDelete', { name: task.title })}
              okText={t('common:actions.delete')}
              cancelText={t('common:actions.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(task)}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  // On a phone the card carries the essentials; the drawer has the rest.
  const card: CardLayout<Task> = {
    leading: 'done',
    title: titleText,
    subtitle: [
      'priority',
      (task) => task.status !== 'open' && <TaskStatusTag status={task.status} />,
      dueText,
      overdueTag,
      customerLink,
      'owner',
    ],
  };
  return { columns, card };
}
