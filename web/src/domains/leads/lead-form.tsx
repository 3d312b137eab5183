import { App, Button, Checkbox, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError } from '../../shared/api-form.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { useOpenSession } from '../customers/use-open-session.js';
import { DuplicateHint } from '../../shared/duplicate-hint.js';
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
export function LeadFormDrawer({ open, lead, onClose }: { open: boolean; lead?: Lead; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [form] = Form.useForm<LeadInput>();
  const session = useOpenSession(open);
  const industries = usePicklist('industry');
  const sources = usePicklist('customer_source');
  const save = useLeadAction((body: LeadInput) =>
    lead ? http.patch<Lead>(`/leads/${lead.id}`, { ...body, version: lead.version }) : http.post<Lead>('/leads', body),
  );
  const autoAssign = Form.useWatch('autoAssign', form);

  const submit = async (values: LeadInput) => {
    const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v])) as unknown as LeadInput;
    if (lead) {
      delete body.ownerId;
      delete body.autoAssign;
    }
    try {
      await save.mutateAsync(body);
      message.success(lead ? tc('saved') : tc('created'));
      onClose();
    } catch (e) {
      const general = applyApiError(form, e);
      if (general) message.error(general);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={lead ? lead.company : t('list.new')}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="lead-save">
            {tc('actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<LeadInput>
        key={session}
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="lead-form"
        initialValues={
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
            : {}
        }
      >
        <Form.Item name="company" label={t('fields.company')} rules={[{ required: true, max: 200, whitespace: true }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <DuplicateHint form={form} fields={{ name: 'company', phone: 'mobile', email: 'email' }} excludeId={lead?.id} />
        <Space.Compact block>
          <Form.Item name="contactName" label={t('fields.contactName')} rules={[{ max: 50 }]} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="title" label={t('fields.title')} rules={[{ max: 50 }]} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="mobile" label={t('fields.mobile')} rules={[{ max: 30 }]} style={{ flex: 1 }}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="phone" label={t('fields.phone')} rules={[{ max: 40 }]} style={{ flex: 1 }}>
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="region" label={t('fields.region')} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder="华东/上海" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="industry" label={t('fields.industry')} style={{ flex: 1 }}>
            <Select allowClear options={industries.options} />
          </Form.Item>
          <Form.Item name="source" label={t('fields.source')} style={{ flex: 1 }}>
            <Select allowClear options={sources.options} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="remarks" label={t('fields.remarks')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {!lead && me?.scope !== 'own' && (
          <>
            <Form.Item name="autoAssign" valuePropName="checked">
              <Checkbox>{t('list.autoAssign')}</Checkbox>
            </Form.Item>
            {!autoAssign && (
              <Form.Item name="ownerId" label={t('fields.owner')}>
                <OwnerSelect />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Drawer>
  );
}
