import { LIMITS } from '@contracts/common.js';
import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { formatDateTime } from '../../shared/dates.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { OwnerSelect, useUserOptions } from '../../shared/owner-select.js';
import { useContacts } from '../contacts/api.js';
import { CustomerSelect } from '../../shared/form-kit/index.js';
import { useOpenSession } from '../../shared/form-kit/index.js';
import { reloadTask, type Task, type TaskInput, type TaskPriority, type TaskStatus, useDeleteTask, useSaveTask, useTask } from './api.js';
import { DATE_TIME, fromPicker, pickerNow, toPicker } from '../../shared/dates.js';
import { useTaskOptions } from './task-labels.js';

interface FormValues {
  title: string;
  description?: string | null;
  dueAt?: Dayjs | null;
  priority: TaskPriority;
  status: TaskStatus;
  remindAt?: Dayjs | null;
  customerId?: string | null;
  contactId?: string | null;
  ownerId?: string;
}

const toFormValues = (task: Task | undefined, meId: string | undefined): FormValues =>
  task
    ? {
        title: task.title,
        description: task.description,
        dueAt: toPicker(task.dueAt),
        priority: task.priority,
        status: task.status,
        remindAt: toPicker(task.remindAt),
        customerId: task.customerId ?? undefined,
        contactId: task.contactId ?? undefined,
        ownerId: task.ownerId,
      }
    : { title: '', priority: 'normal', status: 'open', ownerId: meId };

/** Every field is sent, with null for a cleared one, so an edit can empty a field too. */
const toBody = (v: FormValues, editing: boolean): TaskInput => {
  const description = v.description?.trim();
  return {
    title: v.title.trim(),
    description: description ? description : null,
    dueAt: fromPicker(v.dueAt),
    priority: v.priority,
    // A new task starts open; the status is only changed on an existing one.
    ...(editing ? { status: v.status } : {}),
    remindAt: fromPicker(v.remindAt),
    customerId: v.customerId ?? null,
    contactId: v.customerId ? (v.contactId ?? null) : null,
    ownerId: v.ownerId || undefined,
  };
};

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

interface Props {
  open: boolean;
  /** The task to edit; without it the drawer creates one. */
  taskId?: string;
  onClose: () => void;
  onSaved?: (task: Task) => void;
}

/** Create / edit a task in a drawer; the list opens it for a row and for `?focus=<id>` links. */
export function TaskFormDrawer(props: Props) {
  const session = useOpenSession(props.open);
  return <TaskDrawerSession key={session} {...props} />;
}

function TaskDrawerSession({ open, taskId, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation('tasks');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveTask();
  const del = useDeleteTask();
  const { data: loaded, isLoading, error, refetch } = useTask(taskId);
  // The version the form started from; a reload after a conflict replaces it.
  const [fresh, setFresh] = useState<Task>();
  const task = fresh ?? loaded;
  const editing = !!taskId;
  const readOnly = editing ? !can('tasks', 'edit') : !can('tasks', 'create');

  const close = () => {
    if (!form.isFieldsTouched() || save.isPending) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardBody'),
      okText: t('form.discardOk'),
      cancelText: t('form.keepEditing'),
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };

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
    <Drawer
      open={open}
      onClose={close}
      title={editing ? t('form.editTitle') : t('form.createTitle')}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
      footer={
        showForm && !readOnly ? (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <div>
              {editing && task && can('tasks', 'delete') && (
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
              )}
            </div>
            <Space>
              <Button onClick={close}>{t('common:actions.cancel')}</Button>
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="task-save">
                {t('common:actions.save')}
              </Button>
            </Space>
          </div>
        ) : undefined
      }
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
        <TaskForm
          form={form}
          task={task}
          readOnly={readOnly}
          onSubmit={async (values) => {
            const body = toBody(values, editing);
            try {
              const saved = await save.mutateAsync(task ? { id: task.id, body: { ...body, version: task.version } } : { body });
              message.success(t(editing ? 'common:saved' : 'common:created'));
              onSaved?.(saved);
              onClose();
            } catch (e) {
              if (isVersionConflict(e) && task) {
                return 'conflict';
              }
              const general = applyApiError(form, e);
              if (general) message.error(general);
            }
            return undefined;
          }}
          onReloaded={setFresh}
          locale={i18n.language}
        />
      )}
    </Drawer>
  );
}

function TaskForm({
  form,
  task,
  readOnly,
  onSubmit,
  onReloaded,
  locale,
}: {
  form: ReturnType<typeof Form.useForm<FormValues>>[0];
  task: Task | undefined;
  readOnly: boolean;
  onSubmit: (values: FormValues) => Promise<'conflict' | undefined>;
  onReloaded: (task: Task) => void;
  locale: string;
}) {
  const { t } = useTranslation('tasks');
  const { me } = useAuth();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const options = useTaskOptions();
  const users = useUserOptions();
  const editing = !!task;
  // Someone who only sees their own records can only assign to themselves (the server enforces it).
  const ownerLocked = me?.scope === 'own';
  const customerId = Form.useWatch('customerId', form);
  const dueAt = Form.useWatch('dueAt', form);
  const contacts = useContacts({ customerId: customerId ?? undefined, pageSize: 200, sort: 'name' }, !!customerId);

  const submit = async (values: FormValues) => {
    const outcome = await onSubmit(values);
    if (outcome === 'conflict' && task) {
      conflict(() => {
        void reloadTask(qc, task.id).then((latest) => {
          onReloaded(latest);
          form.resetFields();
          form.setFieldsValue(toFormValues(latest, me?.id));
        });
      });
      return;
    }
    const firstError = form.getFieldsError().find((f) => f.errors.length > 0);
    if (firstError) form.scrollToField(firstError.name);
  };

  // Common due times a rep reaches for: end of today, tomorrow morning, next Monday morning.
  const now = pickerNow();
  const duePresets = [
    { label: t('form.dueTodayEnd'), value: now.startOf('day').hour(18) },
    { label: t('form.dueTomorrow'), value: now.startOf('day').add(1, 'day').hour(9) },
    {
      label: t('form.dueNextMonday'),
      value: now
        .startOf('day')
        .add((8 - now.day()) % 7 || 7, 'day')
        .hour(9),
    },
  ].filter((p) => p.value.isAfter(now));
  const remindPresets = dueAt
    ? [
        { label: t('form.remind15m'), value: dueAt.subtract(15, 'minute') },
        { label: t('form.remind1h'), value: dueAt.subtract(1, 'hour') },
        { label: t('form.remind1d'), value: dueAt.subtract(1, 'day') },
      ].filter((p) => p.value.isAfter(now))
    : [];

  const userName = (id: unknown) => users.data?.items.find((u) => u.id === id)?.displayName;
  const historyValue = (field: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (field === 'priority') return t(`priority.${String(value)}`, { defaultValue: String(value) });
    if (field === 'status') return t(`status.${String(value)}`, { defaultValue: String(value) });
    if (field === 'due_at' || field === 'remind_at' || field === 'completed_at') return formatDateTime(String(value), locale);
    if (field === 'owner_id') return userName(value);
    if (field === 'customer_id' && value === task?.customerId) return task?.customerName ?? undefined;
    return undefined;
  };

  const half = { xs: 24, md: 12 };
  return (
    <>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(task, me?.id)}
        onFinish={submit}
        disabled={readOnly}
        scrollToFirstError
        data-testid="task-form"
      >
        <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true }, { max: LIMITS.name }]}>
          <Input maxLength={LIMITS.name} placeholder={t('form.titlePlaceholder')} autoFocus={!editing} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="dueAt" label={t('fields.dueAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={DATE_TIME}
                needConfirm={false}
                presets={duePresets}
                placeholder={t('form.duePlaceholder')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="remindAt"
              label={t('fields.remindAt')}
              extra={t('form.remindHint')}
              dependencies={['dueAt']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, value: Dayjs | null | undefined) => {
                    const due = getFieldValue('dueAt') as Dayjs | null | undefined;
                    if (value && due && value.isAfter(due)) throw new Error(t('form.remindAfterDue'));
                  },
                }),
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={DATE_TIME}
                needConfirm={false}
                presets={remindPresets}
                placeholder={t('form.remindPlaceholder')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="priority" label={t('fields.priority')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={options.priority} />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('fields.status')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={options.status} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="customerId" label={t('fields.customer')}>
              <CustomerSelect
                allowClear
                placeholder={t('form.customerPlaceholder')}
                // The picker loads the first matches only: the task's own customer keeps its name.
                labelRender={(p) => p.label ?? (p.value === task?.customerId ? task?.customerName : p.value)}
                onChange={() => form.setFieldValue('contactId', undefined)}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactId" label={t('fields.contact')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                disabled={readOnly || !customerId}
                loading={contacts.isFetching}
                placeholder={customerId ? t('form.contactPlaceholder') : t('form.contactNeedsCustomer')}
                options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="ownerId"
          label={t('fields.owner')}
          rules={[{ required: true }]}
          extra={ownerLocked ? t('form.ownerSelfOnly') : t('form.ownerHint')}
        >
          <OwnerSelect allowClear={false} disabled={readOnly || ownerLocked} />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')} rules={[{ max: LIMITS.text }]}>
          <Input.TextArea rows={4} maxLength={LIMITS.text} showCount placeholder={t('form.descriptionPlaceholder')} />
        </Form.Item>
      </Form>
      {task && (
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
      )}
    </>
  );
}
