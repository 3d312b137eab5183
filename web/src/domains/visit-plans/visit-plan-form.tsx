import { LIMITS } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { useContacts } from '../contacts/api.js';
import { CustomerSelect } from '../../shared/form-kit/index.js';
import { useOpenSession } from '../../shared/form-kit/index.js';
import { companyToday, DATE } from '../../shared/dates.js';
import { reloadVisitPlan, useSaveVisitPlan, type VisitPlan, type VisitPlanInput } from './api.js';

interface FormValues {
  planDate: Dayjs;
  customerId?: string;
  contactId?: string | null;
  purpose?: string | null;
  ownerId?: string;
}

const toFormValues = (plan: VisitPlan | undefined, date: string, meId: string | undefined): FormValues =>
  plan
    ? { planDate: dayjs(plan.planDate), customerId: plan.customerId, contactId: plan.contactId ?? undefined, purpose: plan.purpose }
    : { planDate: dayjs(date), ownerId: meId };

interface Props {
  open: boolean;
  /** The plan to edit; without it the modal adds one for `date`. */
  plan?: VisitPlan;
  date: string;
  onClose: () => void;
  onSaved?: (plan: VisitPlan) => void;
}

/** Add a planned visit, or move / reword one, in a small modal. */
export function VisitPlanFormModal(props: Props) {
  const session = useOpenSession(props.open);
  return <VisitPlanFormSession key={session} {...props} />;
}

function VisitPlanFormSession({ open, plan, date, onClose, onSaved }: Props) {
  const { t } = useTranslation('visitPlans');
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [form] = Form.useForm<FormValues>();
  const [base, setBase] = useState(plan);
  const save = useSaveVisitPlan();
  const editing = !!base;
  // Reps plan their own visits; a manager may plan one for a team member.
  const ownerLocked = me?.scope === 'own';
  const picked = Form.useWatch('customerId', form);
  const customerId = picked ?? base?.customerId;
  const contacts = useContacts({ customerId, pageSize: 200, sort: 'name' }, !!customerId);

  const reload = async () => {
    if (!base) return;
    const fresh = await reloadVisitPlan(qc, base.id);
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(toFormValues(fresh, date, me?.id));
  };

  const submit = async (values: FormValues) => {
    const purpose = values.purpose?.trim();
    const body: VisitPlanInput = {
      planDate: values.planDate.format(DATE),
      contactId: values.contactId ?? null,
      purpose: purpose ? purpose : null,
      ...(editing ? {} : { customerId: values.customerId, ownerId: values.ownerId || undefined }),
    };
    try {
      // One plan per customer, rep and day: say so in words rather than with the server's bare "exists".
      if (!editing && values.customerId) {
        const ownerId = values.ownerId || me?.id;
        const sameDay = await http.get<{ items: VisitPlan[] }>('/visit-plans', { from: body.planDate, to: body.planDate, ownerId });
        if (sameDay.items.some((p) => p.customerId === values.customerId)) {
          form.setFields([{ name: 'customerId', errors: [t('form.duplicate')] }]);
          return;
        }
      }
      const saved = await save.mutateAsync(base ? { id: base.id, body: { ...body, version: base.version } } : { body });
      message.success(t(editing ? 'common:saved' : 'form.added', { name: saved.customerName }));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      if (isVersionConflict(e)) {
        conflict(() => void reload());
        return;
      }
      const general = applyApiError(form, e);
      if (general) message.error(general);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={editing ? t('form.editTitle', { name: base?.customerName }) : t('form.createTitle')}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'visit-plan-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(plan, date, me?.id)}
        onFinish={submit}
        data-testid="visit-plan-form"
        style={{ marginTop: 16 }}
      >
        <Form.Item name="planDate" label={t('fields.planDate')} rules={[{ required: true }]}>
          <DatePicker
            format={DATE}
            allowClear={false}
            style={{ width: '100%' }}
            // Plans are for days to come; a past day can keep the plan it had.
            disabledDate={(d) => d.format(DATE) < companyToday() && d.format(DATE) !== plan?.planDate}
          />
        </Form.Item>
        {editing ? (
          <Form.Item label={t('fields.customer')}>
            <Typography.Text strong>{base?.customerName}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="customerId" label={t('fields.customer')} rules={[{ required: true, message: t('form.customerRequired') }]}>
            <CustomerSelect placeholder={t('form.customerPlaceholder')} onChange={() => form.setFieldValue('contactId', undefined)} />
          </Form.Item>
        )}
        <Form.Item name="contactId" label={t('fields.contact')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!customerId}
            loading={contacts.isFetching}
            placeholder={customerId ? t('form.contactPlaceholder') : t('form.contactNeedsCustomer')}
            options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('fields.purpose')} rules={[{ max: LIMITS.text }]}>
          <Input.TextArea rows={3} maxLength={LIMITS.text} showCount placeholder={t('form.purposePlaceholder')} />
        </Form.Item>
        {!editing && !ownerLocked && (
          <Form.Item name="ownerId" label={t('fields.owner')} rules={[{ required: true }]} extra={t('form.ownerHint')}>
            <OwnerSelect allowClear={false} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
