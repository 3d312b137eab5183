import { LIMITS } from '@contracts/common.js';
import { FOLLOW_UP_TYPES } from '@contracts/follow-ups.js';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  type ButtonProps,
  Col,
  DatePicker,
  Form,
  Grid,
  Input,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import dayjs, { type Dayjs } from 'dayjs';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { useContacts } from '../contacts/api.js';
import { useOpportunities } from '../opportunities/api.js';
import { CustomerSelect } from '../../shared/form-kit/index.js';
import { useOpenSession } from '../../shared/form-kit/index.js';
import { type FollowUp, type FollowUpInput, type FollowUpType, reloadFollowUp, useSaveFollowUp } from './api.js';
import { isFollowUpType, TYPE_META } from './follow-up-types.js';

const DATE = 'YYYY-MM-DD';
const DATE_TIME = 'YYYY-MM-DD HH:mm';
const LAST_TYPE_KEY = 'crm.followUp.lastType';
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface FormValues {
  customerId?: string;
  type: FollowUpType;
  content: string;
  contactId?: string | null;
  opportunityId?: string | null;
  outcome?: string | null;
  nextFollowUpDate?: string | null;
  /** Only set when the rep back-dates the follow-up; otherwise the server stamps "now". */
  occurredAt?: Dayjs | null;
}

/** A rep mostly repeats the way they last followed up (a day of calls, a day of visits). */
function lastType(): FollowUpType {
  const stored = localStorage.getItem(LAST_TYPE_KEY);
  return isFollowUpType(stored) ? stored : 'call';
}

const text = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

const toFormValues = (f: FollowUp | undefined, customerId: string | undefined, opportunityId?: string): FormValues =>
  f
    ? {
        customerId: f.customerId,
        type: f.type,
        content: f.content,
        contactId: f.contactId ?? undefined,
        opportunityId: f.opportunityId ?? undefined,
        outcome: f.outcome,
        nextFollowUpDate: f.nextFollowUpDate,
        occurredAt: dayjs(f.occurredAt),
      }
    : { customerId, opportunityId, type: lastType(), content: '' };

export interface QuickFollowUpProps {
  open: boolean;
  onClose: () => void;
  /** The customer the follow-up is about; without it (and without `followUp`) the rep picks one. */
  customer?: { id: string; name: string };
  /** A new follow-up about this deal of the customer (from the opportunity page). */
  opportunityId?: string;
  /** A follow-up to correct; without it the modal writes a new one. */
  followUp?: FollowUp;
  onSaved?: (followUp: FollowUp) => void;
}

/**
 * C4: writing down a call or a visit takes seconds — pick the way, type what happened, Ctrl+Enter.
 * Contact, outcome, next date and a back-dated time are there when wanted, never in the way.
 */
export function QuickFollowUp(props: QuickFollowUpProps) {
  const session = useOpenSession(props.open);
  return <QuickFollowUpSession key={session} {...props} />;
}

function QuickFollowUpSession({ open, onClose, customer, opportunityId, followUp, onSaved }: QuickFollowUpProps) {
  const { t } = useTranslation('followUps');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const phone = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<FormValues>();
  const contentRef = useRef<TextAreaRef>(null);
  const [base, setBase] = useState(followUp);
  const editing = !!base;
  const [pickTime, setPickTime] = useState(editing);
  const save = useSaveFollowUp();
  const fixedCustomer = base ? { id: base.customerId, name: base.customerName } : customer;

  const chosenCustomer = Form.useWatch('customerId', form);
  const customerId = fixedCustomer?.id ?? chosenCustomer;
  const canSeeContacts = can('contacts', 'view');
  const contacts = useContacts({ customerId, pageSize: 200 }, open && !!customerId && canSeeContacts);
  const contactOptions = [...(contacts.data?.items ?? [])]
    .filter((c) => c.customerId === customerId)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
    .map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));
  // A contact removed since keeps its name on the record being corrected.
  if (base?.contactId && base.contactName && !contactOptions.some((o) => o.value === base.contactId)) {
    contactOptions.push({ value: base.contactId, label: base.contactName });
  }

  // The customer's open deals, to say which one this follow-up moved (and the one being corrected).
  const canSeeDeals = can('opportunities', 'view');
  const deals = useOpportunities({ customerId, status: 'open', pageSize: 100 }, open && !!customerId && canSeeDeals);
  const dealOptions = (deals.data?.items ?? []).filter((o) => o.customerId === customerId).map((o) => ({ value: o.id, label: o.name }));
  if (base?.opportunityId && base.opportunityName && !dealOptions.some((o) => o.value === base.opportunityId)) {
    dealOptions.push({ value: base.opportunityId, label: base.opportunityName });
  }

  const nextDate = Form.useWatch('nextFollowUpDate', form);
  const today = dayjs().startOf('day');
  const shortcuts = [
    { key: 'tomorrow', date: today.add(1, 'day') },
    { key: 'in3Days', date: today.add(3, 'day') },
    { key: 'nextWeek', date: today.add(7, 'day') },
  ];

  const reload = async () => {
    if (!base) return;
    const fresh = await reloadFollowUp(qc, base.id);
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(toFormValues(fresh, fresh.customerId));
  };

  const submit = async (v: FormValues) => {
    const body: FollowUpInput = {
      type: v.type,
      content: v.content.trim(),
      outcome: text(v.outcome),
      nextFollowUpDate: v.nextFollowUpDate || null,
    };
    // Without the contacts permission the field is hidden, and a correction leaves the contact as it was.
    if (canSeeContacts) body.contactId = v.contactId ?? null;
    if (canSeeDeals) body.opportunityId = v.opportunityId ?? null;
    if (v.occurredAt && (!base || !v.occurredAt.isSame(dayjs(base.occurredAt), 'minute'))) body.occurredAt = v.occurredAt.toISOString();
    try {
      const saved = await save.mutateAsync(
        base
          ? { id: base.id, body: { ...body, version: base.version } }
          : { body: { ...body, customerId: fixedCustomer?.id ?? v.customerId } },
      );
      if (!base) localStorage.setItem(LAST_TYPE_KEY, v.type);
      message.success(t(editing ? 'common:saved' : 'form.saved'));
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

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!save.isPending) form.submit();
    }
  };

  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={open}
      onCancel={close}
      title={editing ? t('form.editTitle') : t('form.title')}
      width={600}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) contentRef.current?.focus({ cursor: 'end' });
      }}
      footer={
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {phone ? null : t('form.shortcutHint', { key: IS_MAC ? '⌘' : 'Ctrl' })}
          </Typography.Text>
          <Space>
            <Button onClick={close}>{t('common:actions.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="followup-save">
              {t('common:actions.save')}
            </Button>
          </Space>
        </div>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(followUp, customer?.id, opportunityId)}
        onFinish={submit}
        onKeyDown={onKeyDown}
        data-testid="followup-form"
        style={{ marginTop: 12 }}
        requiredMark={false}
      >
        {fixedCustomer ? (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('form.customerLabel')}</Typography.Text>
            <Typography.Text strong>
              <Link to={`/customers/${fixedCustomer.id}`} onClick={onClose}>
                {fixedCustomer.name}
              </Link>
            </Typography.Text>
          </div>
        ) : (
          <Form.Item name="customerId" label={t('fields.customer')} rules={[{ required: true, message: t('form.customerRequired') }]}>
            <CustomerSelect
              placeholder={t('form.customerPlaceholder')}
              onChange={() => form.setFieldsValue({ contactId: undefined, opportunityId: undefined })}
            />
          </Form.Item>
        )}

        <Form.Item name="type" style={{ marginBottom: 12 }}>
          <Segmented<FollowUpType>
            block
            data-testid="followup-type"
            options={FOLLOW_UP_TYPES.map((type) => ({
              value: type,
              label: (
                <div style={{ padding: '4px 0', lineHeight: 1.35 }}>
                  <div style={{ fontSize: 18, color: TYPE_META[type].color }}>{TYPE_META[type].icon}</div>
                  <div style={{ fontSize: 13 }}>{t(`types.${type}`)}</div>
                </div>
              ),
            }))}
          />
        </Form.Item>

        <Form.Item
          name="content"
          rules={[
            { required: true, whitespace: true, message: t('form.contentRequired') },
            { max: LIMITS.longText, message: t('form.tooLong', { max: LIMITS.longText }) },
          ]}
          style={{ marginBottom: 12 }}
        >
          <Input.TextArea
            ref={contentRef}
            autoFocus
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={LIMITS.longText}
            placeholder={t('form.contentPlaceholder')}
            data-testid="followup-content"
          />
        </Form.Item>

        <Row gutter={12}>
          {canSeeContacts && (
            <Col {...half}>
              <Form.Item name="contactId" label={t('fields.contact')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={!customerId}
                  loading={contacts.isFetching}
                  placeholder={customerId ? t('form.contactPlaceholder') : t('form.pickCustomerFirst')}
                  options={contactOptions}
                  notFoundContent={contacts.isFetching ? undefined : t('form.noContacts')}
                  data-testid="followup-contact"
                />
              </Form.Item>
            </Col>
          )}
          {canSeeDeals && dealOptions.length > 0 && (
            <Col {...half}>
              <Form.Item name="opportunityId" label={t('fields.opportunity')}>
                <Select
                  allowClear
                  options={dealOptions}
                  placeholder={t('form.opportunityPlaceholder')}
                  data-testid="followup-opportunity"
                />
              </Form.Item>
            </Col>
          )}
          <Col {...(canSeeContacts ? half : { xs: 24 })}>
            <Form.Item name="outcome" label={t('fields.outcome')} rules={[{ max: LIMITS.text }]}>
              <Input maxLength={LIMITS.text} placeholder={t('form.outcomePlaceholder')} data-testid="followup-outcome" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="nextFollowUpDate"
              label={t('fields.nextFollowUpDate')}
              getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => (d ? d.format(DATE) : null)}
              style={{ marginBottom: 6 }}
            >
              <DatePicker
                style={{ width: '100%' }}
                format={DATE}
                placeholder={t('form.nextPlaceholder')}
                disabledDate={(d) => d.isBefore(today, 'day')}
                inputReadOnly={phone}
                data-testid="followup-next-date"
              />
            </Form.Item>
            <Space size={4} wrap style={{ marginBottom: 16 }}>
              {shortcuts.map((s) => (
                <Tooltip key={s.key} title={s.date.format(DATE)} mouseEnterDelay={0.4}>
                  <Tag.CheckableTag
                    checked={nextDate === s.date.format(DATE)}
                    onChange={(checked) => form.setFieldValue('nextFollowUpDate', checked ? s.date.format(DATE) : null)}
                    style={{ border: '1px solid #d9d9d9' }}
                    data-testid={`followup-next-${s.key}`}
                  >
                    {t(`form.${s.key}`)}
                  </Tag.CheckableTag>
                </Tooltip>
              ))}
            </Space>
          </Col>
          <Col {...half}>
            {pickTime ? (
              <Form.Item
                name="occurredAt"
                label={t('fields.occurredAt')}
                rules={[
                  {
                    validator: (_, v: Dayjs | null | undefined) =>
                      v?.isAfter(dayjs().add(5, 'minute')) ? Promise.reject(new Error(t('form.futureTime'))) : Promise.resolve(),
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format={DATE_TIME}
                  style={{ width: '100%' }}
                  allowClear={!editing}
                  inputReadOnly={phone}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  onChange={(d) => {
                    // Clearing a back-dated time goes back to "now".
                    if (!d && !editing) setPickTime(false);
                  }}
                  data-testid="followup-time"
                />
              </Form.Item>
            ) : (
              <Form.Item label={t('fields.occurredAt')}>
                <Space size={8}>
                  <Typography.Text>{t('form.now')}</Typography.Text>
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    style={{ paddingInline: 0 }}
                    onClick={() => {
                      form.setFieldValue('occurredAt', dayjs().second(0));
                      setPickTime(true);
                    }}
                    data-testid="followup-backdate"
                  >
                    {t('form.backdate')}
                  </Button>
                </Space>
              </Form.Item>
            )}
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** The 写跟进 button: opens the quick form for a customer (or lets the rep pick one). Hidden without the permission. */
export function QuickFollowUpButton({
  customer,
  opportunityId,
  onSaved,
  testId = 'followup-quick-add',
  children,
  ...buttonProps
}: { customer?: { id: string; name: string }; opportunityId?: string; onSaved?: (f: FollowUp) => void; testId?: string } & Omit<
  ButtonProps,
  'onClick'
>) {
  const { t } = useTranslation('followUps');
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  if (!can('follow_ups', 'create')) return null;
  return (
    <>
      <Button icon={<EditOutlined />} {...buttonProps} onClick={() => setOpen(true)} data-testid={testId}>
        {children ?? t('actions.write')}
      </Button>
      <QuickFollowUp open={open} customer={customer} opportunityId={opportunityId} onClose={() => setOpen(false)} onSaved={onSaved} />
    </>
  );
}
