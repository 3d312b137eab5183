import { LIMITS } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { companyToday, DATE } from '../../shared/dates.js';
import {
  ContactSelect,
  CustomerSelect,
  DateField,
  FormModal,
  OwnerField,
  useRecordForm,
  freshOnEachOpen,
} from '../../shared/form-kit/index.js';
import { reloadVisitPlan, useSaveVisitPlan, type VisitPlan, type VisitPlanInput } from './api.js';

interface FormValues {
  planDate: string;
  customerId?: string;
  contactId?: string | null;
  purpose?: string | null;
  ownerId?: string;
}

const toFormValues = (plan: VisitPlan | undefined, date: string, meId: string | undefined): FormValues =>
  plan
    ? { planDate: plan.planDate, customerId: plan.customerId, contactId: plan.contactId ?? undefined, purpose: plan.purpose }
    : { planDate: date, ownerId: meId };

interface Props {
  open: boolean;
  /** The plan to edit; without it the modal adds one for `date`. */
  plan?: VisitPlan;
  date: string;
  onClose: () => void;
  onSaved?: (plan: VisitPlan) => void;
}

/** Add a planned visit, or move / reword one, in a small modal. */
export const VisitPlanFormModal = freshOnEachOpen(VisitPlanFormSession);

function VisitPlanFormSession({ open, plan, date, onClose, onSaved }: Props) {
  const { t } = useTranslation('visitPlans');
  const { me } = useAuth();
  const qc = useQueryClient();
  const save = useSaveVisitPlan();
  const rf = useRecordForm<FormValues, VisitPlan>({
    record: plan,
    toValues: (p) => toFormValues(p, date, me?.id),
    save: async (values, base) => {
      const purpose = values.purpose?.trim();
      const body: VisitPlanInput = {
        planDate: values.planDate,
        contactId: values.contactId ?? null,
        purpose: purpose ? purpose : null,
        ...(base ? {} : { customerId: values.customerId, ownerId: values.ownerId || undefined }),
      };
      // One plan per customer, rep and day: say so in words rather than with the server's bare "exists".
      if (!base && values.customerId) {
        const ownerId = values.ownerId || me?.id;
        const sameDay = await http.get<{ items: VisitPlan[] }>('/visit-plans', { from: body.planDate, to: body.planDate, ownerId });
        if (sameDay.items.some((p) => p.customerId === values.customerId)) {
          throw new ApiError(409, 'DUPLICATE', t('form.duplicate'), { customerId: t('form.duplicate') });
        }
      }
      return save.mutateAsync(base ? { id: base.id, body: { ...body, version: base.version } } : { body });
    },
    reload: (base) => reloadVisitPlan(qc, base.id),
    savedMessage: (saved, editing) => t(editing ? 'common:saved' : 'form.added', { name: saved.customerName }),
    onSaved,
    onClose,
  });
  const { form, editing, record: base } = rf;
  // Reps plan their own visits; a manager may plan one for a team member.
  const ownerLocked = me?.scope === 'own';
  const picked = Form.useWatch('customerId', form);
  const customerId = picked ?? base?.customerId;

  return (
    <FormModal
      open={open}
      title={editing ? t('form.editTitle', { name: base?.customerName }) : t('form.createTitle')}
      width={520}
      saveTestId="visit-plan-save"
      {...rf.shellProps}
    >
      <Form<FormValues> {...rf.formProps} data-testid="visit-plan-form" style={{ marginTop: 16 }}>
        <DateField
          name="planDate"
          label={t('fields.planDate')}
          rules={[{ required: true }]}
          picker={{
            allowClear: false,
            // Plans are for days to come; a past day can keep the plan it had.
            disabledDate: (d) => d.format(DATE) < companyToday() && d.format(DATE) !== plan?.planDate,
          }}
        />
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
          <ContactSelect
            customerId={customerId}
            placeholder={t('form.contactPlaceholder')}
            placeholderWithoutCustomer={t('form.contactNeedsCustomer')}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('fields.purpose')} rules={[{ max: LIMITS.text }]}>
          <Input.TextArea rows={3} maxLength={LIMITS.text} showCount placeholder={t('form.purposePlaceholder')} />
        </Form.Item>
        {!editing && !ownerLocked && <OwnerField label={t('fields.owner')} required extra={t('form.ownerHint')} />}
      </Form>
    </FormModal>
  );
}
