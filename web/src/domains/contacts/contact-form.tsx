import { LIMITS } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { pickerNow } from '../../shared/dates.js';
import { DuplicateHint } from '../../shared/duplicate-hint.js';
import { CustomerSelect, DateField, FormModal, PicklistSelect, useRecordForm, freshOnEachOpen } from '../../shared/form-kit/index.js';
import { type Contact, type ContactInput, reloadContact, useSaveContact } from './api.js';

interface FormValues {
  customerId?: string;
  name: string;
  title?: string | null;
  department?: string | null;
  role?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  birthday?: string | null;
  notes?: string | null;
  isPrimary: boolean;
}

// The limits of contracts/contacts.ts contactFields.
const MAX = { name: 50, title: 50, department: 50, mobile: 30, phone: 40, email: 200, notes: LIMITS.text };

const toFormValues = (c: Contact | undefined, customerId: string | undefined): FormValues =>
  c
    ? {
        customerId: c.customerId,
        name: c.name,
        title: c.title,
        department: c.department,
        role: c.role ?? undefined,
        mobile: c.mobile,
        phone: c.phone,
        email: c.email,
        birthday: c.birthday,
        notes: c.notes,
        isPrimary: c.isPrimary,
      }
    : { customerId, name: '', isPrimary: false };

const text = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

const toBody = (v: FormValues): ContactInput => ({
  name: v.name.trim(),
  title: text(v.title),
  department: text(v.department),
  role: v.role ?? null,
  mobile: text(v.mobile),
  phone: text(v.phone),
  email: text(v.email),
  birthday: v.birthday || null,
  notes: text(v.notes),
  isPrimary: !!v.isPrimary,
});

interface Props {
  open: boolean;
  /** The contact to edit; without it the modal creates one. */
  contact?: Contact;
  /** For a new contact: the customer it belongs to. Without it the user picks one. */
  customer?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (contact: Contact) => void;
}

/** Create / edit a contact in a modal; used on the customer's contacts tab, the contact list and drawer. */
export const ContactFormModal = freshOnEachOpen(ContactFormSession);

function ContactFormSession({ open, contact, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation('contacts');
  const qc = useQueryClient();
  const save = useSaveContact();
  const rf = useRecordForm<FormValues, Contact>({
    record: contact,
    toValues: (c) => toFormValues(c, c?.customerId ?? customer?.id),
    save: (values, base) => {
      const body = toBody(values);
      return save.mutateAsync(
        base
          ? { id: base.id, body: { ...body, version: base.version } }
          : { body: { ...body, customerId: customer?.id ?? values.customerId } },
      );
    },
    reload: (base) => reloadContact(qc, base.id),
    onSaved,
    onClose,
  });
  const { editing, record: base } = rf;
  const fixedCustomer = base ? { id: base.customerId, name: base.customerName } : customer;

  const maxRule = (max: number): Rule => ({ max });

  const half = { xs: 24, sm: 12 };
  return (
    <FormModal
      open={open}
      title={editing ? t('form.editTitle', { name: base?.name }) : t('form.createTitle')}
      width={680}
      saveTestId="contact-save"
      {...rf.shellProps}
    >
      <Form<FormValues> {...rf.formProps} data-testid="contact-form" style={{ marginTop: 16 }}>
        {fixedCustomer ? (
          <Form.Item label={t('fields.customer')}>
            <Typography.Text strong>
              <Link to={`/customers/${fixedCustomer.id}`} onClick={rf.close}>
                {fixedCustomer.name}
              </Link>
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="customerId" label={t('fields.customer')} rules={[{ required: true }]}>
            <CustomerSelect placeholder={t('form.customerPlaceholder')} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }, maxRule(MAX.name)]}>
              <Input maxLength={MAX.name} placeholder={t('form.namePlaceholder')} autoFocus={!editing} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="role" label={t('fields.role')}>
              <PicklistSelect list="contact_role" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={t('fields.title')} rules={[maxRule(MAX.title)]}>
              <Input maxLength={MAX.title} placeholder={t('form.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="department" label={t('fields.department')} rules={[maxRule(MAX.department)]}>
              <Input maxLength={MAX.department} placeholder={t('form.departmentPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="mobile" label={t('fields.mobile')} rules={[maxRule(MAX.mobile)]}>
              <Input maxLength={MAX.mobile} inputMode="tel" placeholder={t('form.mobilePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('fields.phone')} rules={[maxRule(MAX.phone)]}>
              <Input maxLength={MAX.phone} inputMode="tel" placeholder={t('form.phonePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="email"
              label={t('fields.email')}
              rules={[{ type: 'email', message: t('form.emailInvalid') }, maxRule(MAX.email)]}
            >
              <Input maxLength={MAX.email} inputMode="email" placeholder={t('form.emailPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <DuplicateHint form={rf.form} fields={{ phone: 'mobile', email: 'email' }} excludeId={base?.id} />
          </Col>
          <Col {...half}>
            <DateField name="birthday" label={t('fields.birthday')} picker={{ disabledDate: (d) => d.isAfter(pickerNow(), 'day') }} />
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={t('fields.notes')} rules={[maxRule(MAX.notes)]}>
              <Input.TextArea rows={3} maxLength={MAX.notes} showCount placeholder={t('form.notesPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="isPrimary" valuePropName="checked" extra={t('form.primaryHint')} style={{ marginBottom: 0 }}>
              <Checkbox>{t('fields.isPrimary')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
