import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { DuplicateHint } from '../../shared/duplicate-hint.js';
import { FormDrawer, OwnerField, PicklistSelect, useRecordForm, freshOnEachOpen } from '../../shared/form-kit/index.js';
import { type Lead, useLeadAction } from './api.js';

interface LeadInput {
  company: string;
  contactName?: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  region?: string;
  industry?: string;
  source?: string;
  remarks?: string;
  ownerId?: string;
  autoAssign?: boolean;
}

/** Create or edit a lead; a new lead can be routed by the assignment rules instead of owned by its author. */
export const LeadFormDrawer = freshOnEachOpen(LeadFormSession);

const toFormValues = (lead: Lead | undefined): LeadInput =>
  lead
    ? {
        company: lead.company,
        contactName: lead.contactName ?? undefined,
        title: lead.title ?? undefined,
        mobile: lead.mobile ?? undefined,
        phone: lead.phone ?? undefined,
        email: lead.email ?? undefined,
        region: lead.region ?? undefined,
        industry: lead.industry ?? undefined,
        source: lead.source ?? undefined,
        remarks: lead.remarks ?? undefined,
      }
    : ({} as LeadInput);

function LeadFormSession({ open, lead, onClose }: { open: boolean; lead?: Lead; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const { me } = useAuth();
  const save = useLeadAction((body: LeadInput) =>
    lead ? http.patch<Lead>(`/leads/${lead.id}`, { ...body, version: lead.version }) : http.post<Lead>('/leads', body),
  );
  const rf = useRecordForm<LeadInput, Lead>({
    record: lead,
    toValues: toFormValues,
    save: async (values, base) => {
      const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v])) as unknown as LeadInput;
      if (base) {
        delete body.ownerId;
        delete body.autoAssign;
      }
      return (await save.mutateAsync(body)) as Lead;
    },
    onClose,
  });
  const autoAssign = Form.useWatch('autoAssign', rf.form);
  const half = { xs: 24, md: 12 };

  return (
    <FormDrawer open={open} title={lead ? lead.company : t('list.new')} width={736} saveTestId="lead-save" {...rf.shellProps}>
      <Form<LeadInput> {...rf.formProps} data-testid="lead-form">
        <Form.Item name="company" label={t('fields.company')} rules={[{ required: true, max: 200, whitespace: true }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <DuplicateHint form={rf.form} fields={{ name: 'company', phone: 'mobile', email: 'email' }} excludeId={lead?.id} />
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="contactName" label={t('fields.contactName')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={t('fields.title')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="mobile" label={t('fields.mobile')} rules={[{ max: 30 }]}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('fields.phone')} rules={[{ max: 40 }]}>
              <Input maxLength={40} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="region" label={t('fields.region')} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder="华东/上海" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="industry" label={t('fields.industry')}>
              <PicklistSelect list="industry" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="source" label={t('fields.source')}>
              <PicklistSelect list="customer_source" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="remarks" label={t('fields.remarks')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {!lead && me?.scope !== 'own' && (
          <>
            <Form.Item name="autoAssign" valuePropName="checked">
              <Checkbox>{t('list.autoAssign')}</Checkbox>
            </Form.Item>
            {!autoAssign && <OwnerField label={t('fields.owner')} />}
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
