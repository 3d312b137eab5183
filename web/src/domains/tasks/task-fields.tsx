import { LIMITS } from '@contracts/common.js';
import { Col, Form, type FormInstance, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickerNow, toPicker } from '../../shared/dates.js';
import { ContactSelect, CustomerSelect, DateTimeField, OwnerField } from '../../shared/form-kit/index.js';
import type { Task, TaskPriority, TaskStatus } from './api.js';
import { useTaskOptions } from './task-labels.js';

export interface TaskFormValues {
  title: string;
  description?: string | null;
  /** ISO instants, as the API has them; the pickers show company time. */
  dueAt?: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  remindAt?: string | null;
  customerId?: string | null;
  contactId?: string | null;
  ownerId?: string;
}

const MINUTES = { showTime: { format: 'HH:mm', minuteStep: 5 as const }, needConfirm: false };

/** Common due times a rep reaches for: end of today, tomorrow morning, next Monday morning. */
function useDuePresets() {
  const { t } = useTranslation('tasks');
  const now = pickerNow();
  const today = now.startOf('day');
  return [
    { label: t('form.dueTodayEnd'), value: today.hour(18) },
    { label: t('form.dueTomorrow'), value: today.add(1, 'day').hour(9) },
    { label: t('form.dueNextMonday'), value: today.add((8 - now.day()) % 7 || 7, 'day').hour(9) },
  ].filter((p) => p.value.isAfter(now));
}

/** Reminders relative to the due time, never in the past. */
function useRemindPresets(dueAt: string | null | undefined) {
  const { t } = useTranslation('tasks');
  const due = toPicker(dueAt);
  if (!due) return [];
  const now = pickerNow();
  return [
    { label: t('form.remind15m'), value: due.subtract(15, 'minute') },
    { label: t('form.remind1h'), value: due.subtract(1, 'hour') },
    { label: t('form.remind1d'), value: due.subtract(1, 'day') },
  ].filter((p) => p.value.isAfter(now));
}

/** The task's fields: what, when (due and reminder), how urgent, about which customer and contact, whose. */
export function TaskFields({ form, task, readOnly }: { form: FormInstance<TaskFormValues>; task: Task | undefined; readOnly: boolean }) {
  const { t } = useTranslation('tasks');
  const options = useTaskOptions();
  const editing = !!task;
  const customerId = Form.useWatch('customerId', form);
  const dueAt = Form.useWatch('dueAt', form);
  const duePresets = useDuePresets();
  const remindPresets = useRemindPresets(dueAt);

  const half = { xs: 24, md: 12 };
  return (
    <>
      <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true }, { max: LIMITS.name }]}>
        <Input maxLength={LIMITS.name} placeholder={t('form.titlePlaceholder')} autoFocus={!editing} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <DateTimeField
            name="dueAt"
            label={t('fields.dueAt')}
            picker={{ ...MINUTES, presets: duePresets, placeholder: t('form.duePlaceholder') }}
          />
        </Col>
        <Col {...half}>
          <DateTimeField
            name="remindAt"
            label={t('fields.remindAt')}
            extra={t('form.remindHint')}
            dependencies={['dueAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, value: string | null | undefined) => {
                  const due = getFieldValue('dueAt') as string | null | undefined;
                  if (value && due && Date.parse(value) > Date.parse(due)) throw new Error(t('form.remindAfterDue'));
                },
              }),
            ]}
            picker={{ ...MINUTES, presets: remindPresets, placeholder: t('form.remindPlaceholder') }}
          />
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
              current={task?.customerId ? { id: task.customerId, name: task.customerName } : null}
              onChange={() => form.setFieldValue('contactId', undefined)}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="contactId" label={t('fields.contact')}>
            <ContactSelect
              customerId={customerId}
              disabled={readOnly}
              placeholder={t('form.contactPlaceholder')}
              placeholderWithoutCustomer={t('form.contactNeedsCustomer')}
            />
          </Form.Item>
        </Col>
      </Row>
      <OwnerField
        label={t('fields.owner')}
        required
        disabled={readOnly}
        extra={(locked) => (locked ? t('form.ownerSelfOnly') : t('form.ownerHint'))}
      />
      <Form.Item name="description" label={t('fields.description')} rules={[{ max: LIMITS.text }]}>
        <Input.TextArea rows={4} maxLength={LIMITS.text} showCount placeholder={t('form.descriptionPlaceholder')} />
      </Form.Item>
    </>
  );
}
