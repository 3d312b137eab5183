import { LIMITS } from '@contracts/common.js';
import { CUSTOMER_TYPES } from '@contracts/customers.js';
import { useQueryClient } from '@tanstack/react-query';
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { DuplicateHint } from '../../shared/duplicate-hint.js';
import { FormDrawer, freshOnEachOpen, MoneyInput, OwnerField, PicklistSelect, useRecordForm } from '../../shared/form-kit/index.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { type Customer, type CustomerInput, type CustomerType, reloadCustomer, useSaveCustomer } from './api.js';

interface FormValues {
  name: string;
  shortName?: string | null;
  industry?: string | null;
  source?: string | null;
  grade?: string | null;
  potentialScore?: number | null;
  customerType: CustomerType;
  region?: string | null;
  address?: string | null;
  phone?: string | null;
  website?: string | null;
  tags: string[];
  isKey: boolean;
  followUpCycleDays?: number | null;
  creditLimit?: string | null;
  remarks?: string | null;
  ownerId?: string;
}

// The limits of contracts/customers.ts customerFields, so the form stops what the server would refuse.
const MAX = { name: LIMITS.name, shortName: 50, region: 100, address: 300, phone: 40, website: 200, remarks: LIMITS.text, tag: 20 };

const toFormValues = (c: Customer | undefined, meId: string | undefined): FormValues =>
  c
    ? {
        name: c.name,
        shortName: c.shortName,
        industry: c.industry ?? undefined,
        source: c.source ?? undefined,
        grade: c.grade ?? undefined,
        potentialScore: c.potentialScore,
        customerType: c.customerType,
        region: c.region,
        address: c.address,
        phone: c.phone,
        website: c.website,
        tags: c.tags,
        isKey: c.isKey,
        followUpCycleDays: c.followUpCycleDays,
        creditLimit: c.creditLimit,
        remarks: c.remarks,
        ownerId: c.ownerId,
      }
    : { name: '', customerType: 'development', tags: [], isKey: false, ownerId: meId };

const text = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

/** Every field is sent, with null for a cleared one, so an edit can empty a field too. */
const toBody = (v: FormValues): CustomerInput => ({
  name: v.name.trim(),
  shortName: text(v.shortName),
  industry: v.industry ?? null,
  source: v.source ?? null,
  grade: v.grade ?? null,
  potentialScore: v.potentialScore ?? null,
  customerType: v.customerType,
  region: text(v.region),
  address: text(v.address),
  phone: text(v.phone),
  website: text(v.website),
  tags: [...new Set((v.tags ?? []).map((x) => x.trim()).filter(Boolean))],
  isKey: !!v.isKey,
  // The follow-up cycle belongs to key accounts: it goes when the flag goes.
  followUpCycleDays: v.isKey ? (v.followUpCycleDays ?? null) : null,
  creditLimit: v.creditLimit === undefined || v.creditLimit === null || v.creditLimit === '' ? null : String(v.creditLimit),
  remarks: text(v.remarks),
  ownerId: v.ownerId || undefined,
});

interface Props {
  open: boolean;
  /** The customer to edit; without it the drawer creates one. */
  customer?: Customer;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}

/** Create / edit a customer in a drawer; opened from the list and the detail page. */
export const CustomerFormDrawer = freshOnEachOpen(CustomerFormSession);

function CustomerFormSession({ open, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation('customers');
  const { me } = useAuth();
  const qc = useQueryClient();
  const save = useSaveCustomer();
  const tag = usePicklist('customer_tag');
  const rf = useRecordForm<FormValues, Customer>({
    record: customer,
    toValues: (c) => toFormValues(c, me?.id),
    save: (values, base) => {
      const body = toBody(values);
      return save.mutateAsync(base ? { id: base.id, body: { ...body, version: base.version } } : { body });
    },
    reload: (base) => reloadCustomer(qc, base.id),
    onSaved,
    onClose,
  });
  const isKey = Form.useWatch('isKey', rf.form);
  const { editing, record: base } = rf;

  const maxRule = (max: number): Rule => ({ max });
  const tagsRule: Rule = {
    validator: async (_r, value: string[] | undefined) => {
      const tags = value ?? [];
      if (tags.length > LIMITS.tags) throw new Error(t('form.tagsTooMany'));
      if (tags.some((x) => x.trim().length > MAX.tag)) throw new Error(t('form.tagTooLong'));
    },
  };

  const half = { xs: 24, md: 12 };
  return (
    <FormDrawer
      open={open}
      title={editing ? t('form.editTitle', { name: base?.name }) : t('form.createTitle')}
      width={760}
      saveTestId="customer-save"
      {...rf.shellProps}
    >
      <Form<FormValues> {...rf.formProps} data-testid="customer-form">
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('form.basic')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true }, maxRule(MAX.name)]}>
              <Input maxLength={MAX.name} placeholder={t('form.namePlaceholder')} autoFocus={!editing} />
            </Form.Item>
            <DuplicateHint form={rf.form} fields={{ name: 'name', phone: 'phone' }} excludeId={base?.id} />
          </Col>
          <Col {...half}>
            <Form.Item name="shortName" label={t('fields.shortName')} rules={[maxRule(MAX.shortName)]}>
              <Input maxLength={MAX.shortName} placeholder={t('form.shortNamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="customerType" label={t('fields.customerType')} rules={[{ required: true }]}>
              <Select options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t('fields.industry')}>
              <PicklistSelect list="industry" searchable />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="source" label={t('fields.source')}>
              <PicklistSelect list="customer_source" searchable />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="grade" label={t('fields.grade')}>
              <PicklistSelect list="customer_grade" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="potentialScore" label={t('fields.potentialScore')} extra={t('form.potentialHint')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <OwnerField label={t('fields.owner')} required extra={editing ? t('form.ownerHint') : undefined} />
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t('fields.tags')} rules={[tagsRule]}>
              <Select
                mode="tags"
                maxCount={LIMITS.tags}
                tokenSeparators={[',', '，']}
                placeholder={t('form.tagsPlaceholder')}
                options={tag.options}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('form.contact')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="phone" label={t('fields.phone')} rules={[maxRule(MAX.phone)]}>
              <Input maxLength={MAX.phone} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="website" label={t('fields.website')} rules={[maxRule(MAX.website)]}>
              <Input maxLength={MAX.website} placeholder={t('form.websitePlaceholder')} inputMode="url" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="region" label={t('fields.region')} rules={[maxRule(MAX.region)]}>
              <Input maxLength={MAX.region} placeholder={t('form.regionPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="address" label={t('fields.address')} rules={[maxRule(MAX.address)]}>
              <Input maxLength={MAX.address} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('form.business')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="creditLimit" label={t('fields.creditLimit')} extra={t('form.creditLimitHint')}>
              <MoneyInput placeholder={t('form.creditLimitPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="isKey" label={t('fields.isKey')} valuePropName="checked">
              <Switch checkedChildren={t('common:yes')} unCheckedChildren={t('common:no')} />
            </Form.Item>
          </Col>
          {isKey && (
            <Col {...half}>
              <Form.Item
                name="followUpCycleDays"
                label={t('fields.followUpCycleDays')}
                extra={t('form.followUpHint')}
                rules={[{ type: 'integer', min: 1, max: 3650 }]}
              >
                <InputNumber<number>
                  min={1}
                  max={3650}
                  precision={0}
                  style={{ width: '100%' }}
                  placeholder={t('form.followUpPlaceholder')}
                  suffix={t('form.days')}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item name="remarks" label={t('fields.remarks')} rules={[maxRule(MAX.remarks)]}>
              <Input.TextArea rows={4} maxLength={MAX.remarks} showCount placeholder={t('form.remarksPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
