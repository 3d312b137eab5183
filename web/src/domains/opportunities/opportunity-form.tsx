import { LIMITS } from '@contracts/common.js';
import { FORECAST_CATEGORIES } from '@contracts/opportunities.js';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import {
  ContactSelect,
  CustomerSelect,
  DateField,
  FormDrawer,
  MoneyInput,
  OwnerField,
  PicklistSelect,
  useRecordForm,
  freshOnEachOpen,
} from '../../shared/form-kit/index.js';
import { type Opportunity, type OpportunityInput, reloadOpportunity, usePipelines, useSaveOpportunity } from './api.js';
import { useStageLabel } from './stage-label.js';

interface FormValues {
  customerId?: string;
  name: string;
  amount?: string | null;
  pipelineId?: string;
  stageId?: string;
  probability?: number | null;
  expectedCloseDate?: string | null;
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
export const OpportunityFormDrawer = freshOnEachOpen(OpportunityFormSession);

function OpportunityFormSession({ open, opportunity, customer, stageId, pipelineId, onClose, onSaved }: Props) {
  const { t } = useTranslation('opportunities');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const qc = useQueryClient();
  const save = useSaveOpportunity();
  const pipelines = usePipelines();
  const stageLabel = useStageLabel();
  const defaultPipeline = pipelineId ?? pipelines.data?.items.find((p) => p.isDefault)?.id ?? pipelines.data?.items[0]?.id;
  const rf = useRecordForm<FormValues, Opportunity>({
    record: opportunity,
    toValues: (base) =>
      base
        ? {
            name: base.name,
            amount: base.amount,
            probability: base.probability,
            expectedCloseDate: base.expectedCloseDate,
            source: base.source,
            competitors: base.competitors,
            nextStep: base.nextStep,
            forecastCategory: base.forecastCategory,
            description: base.description,
            contacts: base.contacts.map((c) => ({ contactId: c.contactId, role: c.role })),
            ownerId: base.ownerId,
          }
        : { name: '', customerId: customer?.id, pipelineId: defaultPipeline, stageId, contacts: [], ownerId: me?.id },
    save: (v, base) => {
      const body: OpportunityInput = {
        name: v.name.trim(),
        amount: v.amount ? String(v.amount) : '0',
        probability: v.probability ?? undefined,
        expectedCloseDate: v.expectedCloseDate ?? null,
        source: v.source ?? null,
        competitors: text(v.competitors),
        nextStep: text(v.nextStep),
        forecastCategory: v.forecastCategory ?? null,
        description: text(v.description),
        contacts: (v.contacts ?? []).filter((c) => c.contactId).map((c) => ({ contactId: c.contactId as string, role: c.role ?? null })),
        ownerId: v.ownerId || undefined,
      };
      return save.mutateAsync(
        base
          ? { id: base.id, body: { ...body, version: base.version } }
          : { body: { ...body, customerId: v.customerId, pipelineId: v.pipelineId, stageId: v.stageId } },
      );
    },
    reload: (base) => reloadOpportunity(qc, base.id),
    savedMessage: () => t('form.saved'),
    onSaved,
    onClose,
  });
  const { form, editing, record: base } = rf;

  const chosenCustomer = Form.useWatch('customerId', form) ?? base?.customerId;
  const chosenPipeline = Form.useWatch('pipelineId', form) ?? base?.pipelineId;
  const chosenStage = Form.useWatch('stageId', form);
  const pipeline = pipelines.data?.items.find((p) => p.id === chosenPipeline);
  const openStages = pipeline?.stages.filter((s) => s.kind === 'open') ?? [];
  const stage = base ? base.stage : (openStages.find((s) => s.id === chosenStage) ?? openStages[0]);

  const half = { xs: 24, md: 12 };
  return (
    <FormDrawer open={open} title={editing ? t('form.editTitle') : t('form.newTitle')} saveTestId="opportunity-save" {...rf.shellProps}>
      <Form<FormValues> {...rf.formProps} data-testid="opportunity-form">
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
                disabled={!!base && base.status !== 'open'}
                placeholder={stage ? String(stage.probability) : (openStages[0] && String(openStages[0].probability)) || undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <DateField name="expectedCloseDate" label={t('fields.expectedCloseDate')} testId="opportunity-close-date" />
          </Col>
          <Col {...half}>
            <Form.Item name="source" label={t('fields.source')}>
              <PicklistSelect list="opportunity_source" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="forecastCategory" label={t('fields.forecastCategory')}>
              <Select allowClear options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`forecast.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <OwnerField label={t('fields.owner')} />
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
                          <ContactSelect
                            customerId={chosenCustomer}
                            allowClear={false}
                            style={{ width: 220 }}
                            placeholder={t('fields.contacts_')}
                            placeholderWithoutCustomer={t('form.pickCustomerFirst')}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'role']} noStyle>
                          <PicklistSelect list="contact_role" style={{ width: 160 }} placeholder={t('fields.contactRole')} />
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
    </FormDrawer>
  );
}
