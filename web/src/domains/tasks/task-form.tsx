import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { FormDrawer, freshOnEachOpen, useRecordForm } from '../../shared/form-kit/index.js';
import { reloadTask, type Task, type TaskInput, useDeleteTask, useSaveTask, useTask } from './api.js';
import { TaskFields, type TaskFormValues } from './task-fields.js';
import { TaskHistory } from './task-history.js';

const toFormValues = (task: Task | undefined, meId: string | undefined): TaskFormValues =>
  task
    ? {
        title: task.title,
        description: task.description,
        dueAt: task.dueAt,
        priority: task.priority,
        status: task.status,
        remindAt: task.remindAt,
        customerId: task.customerId ?? undefined,
        contactId: task.contactId ?? undefined,
        ownerId: task.ownerId,
      }
    : { title: '', priority: 'normal', status: 'open', ownerId: meId };

/** Every field is sent, with null for a cleared one, so an edit can empty a field too. */
const toBody = (v: TaskFormValues, editing: boolean): TaskInput => {
  const description = v.description?.trim();
  return {
    title: v.title.trim(),
    description: description ? description : null,
    dueAt: v.dueAt ?? null,
    priority: v.priority,
    // A new task starts open; the status is only changed on an existing one.
    ...(editing ? { status: v.status } : {}),
    remindAt: v.remindAt ?? null,
    customerId: v.customerId ?? null,
    contactId: v.customerId ? (v.contactId ?? null) : null,
    ownerId: v.ownerId || undefined,
  };
};

interface Props {
  open: boolean;
  /** The task to edit; without it the drawer creates one. */
  taskId?: string;
  onClose: () => void;
  onSaved?: (task: Task) => void;
}

/** Create / edit a task in a drawer; the list opens it for a row and for `?focus=<id>` links. */
export const TaskFormDrawer = freshOnEachOpen(TaskDrawerSession);

function TaskDrawerSession({ open, taskId, onClose, onSaved }: Props) {
  const { t } = useTranslation('tasks');
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useSaveTask();
  const del = useDeleteTask();
  const { data: loaded, isLoading, error, refetch } = useTask(taskId);
  const editing = !!taskId;
  const rf = useRecordForm<TaskFormValues, Task>({
    record: loaded,
    toValues: (task) => toFormValues(task, me?.id),
    save: (values, task) => {
      const body = toBody(values, editing);
      return save.mutateAsync(task ? { id: task.id, body: { ...body, version: task.version } } : { body });
    },
    reload: (task) => reloadTask(qc, task.id),
    onSaved,
    onClose,
  });
  const task = rf.record;
  const readOnly = editing ? !can('tasks', 'edit') : !can('tasks', 'create');

  const remove = async () => {
    if (!task) return;
    try {
      await del.mutateAsync(task.id);
      message.success(t('common:deleted'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const missing = editing && !task && !isLoading;
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
  const showForm = !editing || !!task;

  return (
    <FormDrawer
      open={open}
      title={editing ? t('form.editTitle') : t('form.createTitle')}
      width={600}
      saveTestId="task-save"
      footer={showForm && !readOnly}
      footerStart={
        editing &&
        task &&
        can('tasks', 'delete') && (
          <Popconfirm
            title={t('common:confirmDelete', { name: task.title })}
            okText={t('common:actions.delete')}
            cancelText={t('common:actions.cancel')}
            okButtonProps={{ danger: true, loading: del.isPending }}
            onConfirm={remove}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('common:actions.delete')}
            </Button>
          </Popconfirm>
        )
      }
      {...rf.shellProps}
    >
      {editing && isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {missing && (
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('form.notFoundTitle') : t('form.loadFailed')}
          subTitle={notFound ? t('common:notFound') : error?.message}
          extra={
            notFound ? (
              <Button onClick={onClose}>{t('common:actions.back')}</Button>
            ) : (
              <Button type="primary" onClick={() => void refetch()}>
                {t('common:actions.reload')}
              </Button>
            )
          }
        />
      )}
      {showForm && (
        <>
          <Form<TaskFormValues> {...rf.formProps} disabled={readOnly} data-testid="task-form">
            <TaskFields form={rf.form} task={task} readOnly={readOnly} />
          </Form>
          {task && <TaskHistory task={task} />}
        </>
      )}
    </FormDrawer>
  );
}
