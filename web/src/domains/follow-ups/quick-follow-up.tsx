import { LIMITS } from '@contracts/common.js';
import { FOLLOW_UP_TYPES } from '@contracts/follow-ups.js';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, type ButtonProps, Col, Form, Grid, Input, Row, Segmented, Select, Typography } from 'antd';
import type { MentionsRef } from 'antd/es/mentions';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { sameMinute } from '../../shared/dates.js';
import { focusAtEnd, MentionInput } from '../../shared/mention-input.js';
import { ContactSelect, CustomerSelect, FormModal, useRecordForm, freshOnEachOpen } from '../../shared/form-kit/index.js';
import { useOpportunities } from '../opportunities/public.js';
import { type FollowUp, type FollowUpInput, type FollowUpType, reloadFollowUp, useSaveFollowUp } from './api.js';
import { NextFollowUpField, OccurredAtField } from './follow-up-when.js';
import { isFollowUpType, TYPE_META } from './follow-up-types.js';

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
  occurredAt?: string | null;
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
        occurredAt: f.occurredAt,
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
export const QuickFollowUp = freshOnEachOpen(QuickFollowUpSession);

function QuickFollowUpSession({ open, onClose, customer, opportunityId, followUp, onSaved }: QuickFollowUpProps) {
  const { t } = useTranslation('followUps');
  const { can } = useAuth();
  const qc = useQueryClient();
  const phone = !Grid.useBreakpoint().sm;
  const contentRef = useRef<MentionsRef>(null);
  const save = useSaveFollowUp();
  const canSeeContacts = can('contacts', 'view');
  const canSeeDeals = can('opportunities', 'view');
  const rf = useRecordForm<FormValues, FollowUp>({
    record: followUp,
    toValues: (f) => toFormValues(f, f?.customerId ?? customer?.id, opportunityId),
    save: (v, base) => {
      const body: FollowUpInput = {
        type: v.type,
        content: v.content.trim(),
        outcome: text(v.outcome),
        nextFollowUpDate: v.nextFollowUpDate || null,
      };
      // Without the contacts permission the field is hidden, and a correction leaves the contact as it was.
      if (canSeeContacts) body.contactId = v.contactId ?? null;
      if (canSeeDeals) body.opportunityId = v.opportunityId ?? null;
      if (v.occurredAt && (!base || !sameMinute(v.occurredAt, base.occurredAt))) body.occurredAt = v.occurredAt;
      return save.mutateAsync(
        base ? { id: base.id, body: { ...body, version: base.version } } : { body: { ...body, customerId: customer?.id ?? v.customerId } },
      );
    },
    reload: (base) => reloadFollowUp(qc, base.id),
    savedMessage: (saved, editing) => {
      if (!editing) localStorage.setItem(LAST_TYPE_KEY, saved.type);
      return t(editing ? 'common:saved' : 'form.saved');
    },
    discard: { title: t('form.discardTitle'), body: t('form.discardBody'), ok: t('form.discardOk'), keep: t('form.keepEditing') },
    onSaved,
    onClose,
  });
  const { form, editing, record: base } = rf;
  const fixedCustomer = base ? { id: base.customerId, name: base.customerName } : customer;
  const chosenCustomer = Form.useWatch('customerId', form);
  const customerId = fixedCustomer?.id ?? chosenCustomer;

  // The customer's open deals, to say which one this follow-up moved (and the one being corrected).
  const deals = useOpportunities({ customerId, status: 'open', pageSize: 100 }, open && !!customerId && canSeeDeals);
  const dealOptions = (deals.data?.items ?? []).filter((o) => o.customerId === customerId).map((o) => ({ value: o.id, label: o.name }));
  if (base?.opportunityId && base.opportunityName && !dealOptions.some((o) => o.value === base.opportunityId)) {
    dealOptions.push({ value: base.opportunityId, label: base.opportunityName });
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!rf.saving) form.submit();
    }
  };

  const half = { xs: 24, sm: 12 };
  return (
    <FormModal
      open={open}
      title={editing ? t('form.editTitle') : t('form.title')}
      saveTestId="followup-save"
      afterOpenChange={(visible) => {
        if (visible) focusAtEnd(contentRef.current);
      }}
      footerStart={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {phone ? null : t('form.shortcutHint', { key: IS_MAC ? '⌘' : 'Ctrl' })}
        </Typography.Text>
      }
      {...rf.shellProps}
    >
      <Form<FormValues> {...rf.formProps} onKeyDown={onKeyDown} data-testid="followup-form" style={{ marginTop: 12 }} requiredMark={false}>
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
          <MentionInput
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
                <ContactSelect
                  customerId={customerId}
                  current={base && { id: base.contactId, name: base.contactName }}
                  placeholder={t('form.contactPlaceholder')}
                  placeholderWithoutCustomer={t('form.pickCustomerFirst')}
                  notFoundContent={t('form.noContacts')}
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
            <NextFollowUpField form={form} phone={phone} />
          </Col>
          <Col {...half}>
            <OccurredAtField form={form} editing={editing} phone={phone} />
          </Col>
        </Row>
      </Form>
    </FormModal>
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
