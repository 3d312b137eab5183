import { LIMITS } from '@contracts/common.js';
import type { ListResult } from '@contracts/common.js';
import type { Contact } from '@contracts/contacts.js';
import { FORECAST_CATEGORIES } from '@contracts/opportunities.js';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Drawer, Form, Grid, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { CustomerSelect } from '../../shared/form-kit/index.js';
import { MoneyInput } from '../../shared/form-kit/index.js';
import { useOpenSession } from '../../shared/form-kit/index.js';
import { type Opportunity, type OpportunityInput, reloadOpportunity, usePipelines, useSaveOpportunity } from './api.js';
import { useStageLabel } from './stage-label.js';

interface FormValues {
  customerId?: string;
  name: string;
  amount?: string | null;
  pipelineId?: string;
  stageId?: string;
  probability?: number | null;
  expectedCloseDate?: Dayjs | null;
  source?: string | null;
  competitors?: string | null;
  nextStep?: string | null;
  forecastCategory?: Opportunity['forecastCategory'];
  description?: string | null;
  contacts: { contactId?: string; role?: string | null }[];
  ownerId?: string;
}

const text = (v: string | null | undefined) => v?.trim() || null;

interface Props {
  open: boolean;
  opportunity?: Opportunity;
  /** A new opportunity for this customer (from the customer page). */
  customer?: { id: string; name: string };
  /** A new opportunity in this stage (from a board column). */
  stageId?: string;
  pipelineId?: string;
  onClose: () => void;
  onSaved?: (o: Opportunity) => void;
}

/** O1: create / edit an opportunity in a drawer, from the board, the list, the customer page or the detail page. */
export function OpportunityFormDrawer(props: Props) {
  const session = useOpenSession(props.open);
  return <OpportunityFormSession key={session} {...props} />;
}

function OpportunityFormSession({ open, opportunity, customer, stageId, pipelineId, onClose, onSaved }: Props) {
  const { t } = useTranslation('opportunities');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<FormValues>();
  const [base, setBase] = useState(opportunity);
  const save = useSaveOpportunity();
  const pipelines = usePipelines();
  const source = usePicklist('opportunity_source');
  const role = usePicklist('contact_role');
  const stageLabel = useStageLabel();
  const editing = !!base;

  const chosenCustomer = Form.useWatch('customerId', form) ?? base?.customerId;
  const chosenPipeline = Form.useWatch('pipelineId', form) ?? base?.pipelineId;
  const chosenStage = Form.useWatch('stageId', form);
  const pipeline = pipelines.data?.items.find((p) => p.id === chosenPipeline);
  const openStages = pipeline?.stages.filter((s) => s.kind === 'open') ?? [];
  const stage = editing ? base.stage : (openStages.find((s) => s.id === chosenStage) ?? openStages[0]);

  const contacts = useQuery({
    queryKey: ['contacts', 'list', { customerId: chosenCustomer, pageSize: 100, picker: true }],
    queryFn: () => http.get<ListResult<Contact>>('/contacts', { customerId: chosenCustomer, pageSize: 100 }),
    enabled: !!chosenCustomer,
  });

  const defaultPipeline = pipelineId ?? pipelines.data?.items.find((p) => p.isDefault)?.id ?? pipelines.data?.items[0]?.id;
  const initial: FormValues = base
    ? {
        name: base.name,
        amount: base.amount,
        probability: base.probability,
        expectedCloseDate: base.expectedCloseDate ? dayjs(base.expectedCloseDate) : null,
        source: base.source,
        competitors: base.competitors,
        nextStep: base.nextStep,
        forecastCategory: base.forecastCategory,
        description: base.description,
        contacts: base.contacts.map((c) => ({ contactId: c.contactId, role: c.role })),
        ownerId: base.ownerId,
      }
    : { name: '', customerId: customer?.id, pipelineId: defaultPipeline, stageId, contacts: [], ownerId: me?.id };

  const submit = async (v: FormValues) => {
    const body: OpportunityInput = {
      name: v.name.trim(),
      amount: v.amount ? String(v.amount) : '0',
      probability: v.probability ?? undefined,
      expectedCloseDate: v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null,
      source: v.source ?? null,
      competitors: text(v.competitors),
      nextStep: text(v.nextStep),
      forecastCategory: v.forecastCategory ?? null,
      description: text(v.description),
      contacts: (v.contacts ?? []).filter((c) => c.contactId).map((c) => ({ contactId: c.contactId as string, role: c.role ?? null })),
      ownerId: v.ownerId || undefined,
    };
    try {
      const saved = await save.mutateAsync(
        base
          ? { id: base.id, body: { ...body, version: base.version } }
          : { body: { ...body, customerId: v.customerId, pipelineId: v.pipelineId, stageId: v.stageId } },
      );
      message.success(t('form.saved'));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      if (isVersionConflict(e) && base) {
        conflict(async () => {
          const fresh = await reloadOpportunity(qc, base.id);
          setBase(fresh);
          form.resetFields();
        });
        return;
      }
      const general = applyApiError(form, e);
      if (general) message.error(general);
    }
  };

  const half = { xs: 24, md: 12 };
  return (
    <Drawer
      open={open}
      title={editing ? t('form.editTitle') : t('form.newTitle')}
      size={phone ? '100%' : 720}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="opportunity-save">
            {tc('actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="opportunity-form">
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, max: LIMITS.name }]}>
              <Input placeholder="如：2027 年度设备采购" data-testid="opportunity-name" />
            </Form.Item>
          </Col>
          {!editing && (
            <Col {...half}>
              {customer ? (
                <Form.Item label={t('fields.customer')}>
                  <Input value={customer.name} disabled />
                  <Form.Item name="customerId" hidden>
                    <Input />
                  </Form.Item>
                </Form.Item>
              ) : (
                <Form.Item name="customerId" label={t('fields.customer')} rules={[{ required: true }]}>
                  <CustomerSelect data-testid="opportunity-customer" />
                </Form.Item>
              )}
            </Col>
          )}
          <Col {...half}>
            <Form.Item name="amount" label={t('fields.amount')}>
              <MoneyInput data-testid="opportunity-amount" />
            </Form.Item>
          </Col>
          {!editing && (
            <>
              <Col {...half}>
                <Form.Item name="pipelineId" label={t('fields.pipeline')} rules={[{ required: true }]}>
                  <Select
                    options={(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                    onChange={() => form.setFieldsValue({ stageId: undefined, probability: null })}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="stageId" label={t('fields.stage')}>
                  <Select
                    allowClear
                    placeholder={openStages[0] ? stageLabel(openStages[0].labels) : undefined}
                    options={openStages.map((s) => ({ value: s.id, label: `${stageLabel(s.labels)} · ${s.probability}%` }))}
                    onChange={() => form.setFieldsValue({ probability: null })}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...half}>
            <Form.Item
              name="probability"
              label={t('fields.probability')}
              extra={
                stage && stage.kind === 'open'
                  ? t('form.probabilityHint', { p: stage.probability, min: stage.minProbability, max: stage.maxProbability })
                  : undefined
              }
            >
              <InputNumber
                min={stage?.minProbability ?? 0}
                max={stage?.maxProbability ?? 100}
                precision={0}
                suffix="%"
                disabled={editing && base.status !== 'open'}
                placeholder={stage ? String(stage.probability) : (openStages[0] && String(openStages[0].probability)) || undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="expectedCloseDate" label={t('fields.expectedCloseDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="opportunity-close-date" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="source" label={t('fields.source')}>
              <Select allowClear options={source.options} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="forecastCategory" label={t('fields.forecastCategory')}>
              <Select allowClear options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`forecast.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ownerId" label={t('fields.owner')}>
              <OwnerSelect disabled={me?.scope === 'own'} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="competitors" label={t('fields.competitors')} rules={[{ max: 300 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="nextStep" label={t('fields.nextStep')} rules={[{ max: 300 }]}>
              <Input placeholder="如：周四前把报价单发给采购部王经理" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('fields.contacts')}>
              <Form.List name="contacts">
                {(fields, { add, remove }) => (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, 'contactId']} noStyle rules={[{ required: true }]}>
                          <Select
                            style={{ width: 220 }}
                            placeholder={chosenCustomer ? t('fields.contacts_') : t('form.pickCustomerFirst')}
                            options={(contacts.data?.items ?? []).map((c) => ({
                              value: c.id,
                              label: c.title ? `${c.name}（${c.title}）` : c.name,
                            }))}
                            loading={contacts.isFetching}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'role']} noStyle>
                          <Select allowClear style={{ width: 160 }} placeholder={t('fields.contactRole')} options={role.options} />
                        </Form.Item>
                        <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={tc('actions.delete')} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={!chosenCustomer}>
                      {t('form.addContact')}
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('fields.description')} rules={[{ max: LIMITS.text }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
