import { LIMITS } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { companyToday } from '../../shared/dates.js';
import { CustomerSelect, DateField } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import {
  type Contract,
  type CreateContractInput,
  reloadContract,
  useContract,
  useCustomerName,
  useDealForContract,
  useQuoteForContract,
  useSaveContract,
} from './api.js';
import { badQuantity, type DraftLine, draftAmounts, linesInput, linesOfContract } from './contract-draft.js';
import { ContractLinesEditor } from './contract-lines-editor.js';
import { ContractLinesTable } from './contract-lines-table.js';

const TITLE_MAX = 100;

/** /contracts/new?quoteId=… (from an accepted quote), /contracts/new?customerId=…[&opportunityId=…] (by hand), /contracts/:id/edit (a draft). */
export function ContractEditorPage() {
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const { t } = useTranslation('contracts');
  const contract = useContract(id);
  const quoteId = params.get('quoteId') ?? undefined;
  const quote = useQuoteForContract(id ? undefined : quoteId);
  const loading = (
    <Card variant="borderless">
      <Skeleton active paragraph={{ rows: 10 }} />
    </Card>
  );
  if (id) {
    if (contract.isLoading) return loading;
    if (!contract.data) return <Result status="404" title="404" subTitle={t('detail.notFound')} />;
    if (!contract.data.can.edit)
      return (
        <Result
          status="warning"
          title={t('editor.notDraft')}
          extra={<Link to={`/contracts/${id}`}>{t('detail.back')}</Link>}
          data-testid="contract-not-draft"
        />
      );
    return <ContractEditor key={`${contract.data.id}:${contract.data.version}`} contract={contract.data} />;
  }
  if (quoteId) {
    if (quote.isLoading) return loading;
    if (!quote.data) return <Result status="404" title="404" subTitle={t('editor.quoteNotFound')} />;
    if (quote.data.status !== 'accepted')
      return (
        <Result
          status="warning"
          title={t('editor.quoteNotAccepted')}
          extra={<Link to={`/quotes/${quoteId}`}>{t('editor.backToQuote')}</Link>}
        />
      );
  }
  return <ContractEditor quote={quote.data} />;
}

interface FormValues {
  title?: string;
  signDate: string | null;
  startDate: string | null;
  endDate: string | null;
  paymentTerms?: string | null;
  notes?: string | null;
}

type QuoteData = NonNullable<ReturnType<typeof useQuoteForContract>['data']>;

function ContractEditor({ contract, quote }: { contract?: Contract; quote?: QuoteData }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveContract();
  const byHand = !contract && !quote;
  const [customerId, setCustomerId] = useState<string | undefined>(params.get('customerId') ?? undefined);
  const customer = useCustomerName(byHand ? customerId : undefined);
  const [dealId, setDealId] = useState<string | undefined>(params.get('opportunityId') ?? undefined);
  const deal = useDealForContract(byHand ? dealId : undefined);
  const [lines, setLines] = useState<DraftLine[]>(() => (contract ? linesOfContract(contract.lines) : []));
  // A draft from a quote keeps its lines (and their bundles) unless the rep changes them.
  const [linesTouched, setLinesTouched] = useState(false);
  const [wholeDiscount, setWholeDiscount] = useState<string>(contract?.wholeDiscount ?? '0');
  const total = quote ? quote.total : draftAmounts(lines, wholeDiscount).total;

  const onSave = async () => {
    const values = await form.validateFields();
    if (byHand && !customerId) return void message.warning(t('editor.needCustomer'));
    if (!quote && lines.length === 0) return void message.warning(t('editor.needLines'));
    const bad = quote ? -1 : badQuantity(lines, false);
    if (bad >= 0) return void message.warning(t('editor.badQuantity', { row: bad + 1 }));
    const fields = {
      title: values.title?.trim() || null,
      signDate: values.signDate ?? null,
      startDate: values.startDate ?? null,
      endDate: values.endDate ?? null,
      paymentTerms: values.paymentTerms?.trim() || null,
      notes: values.notes?.trim() || null,
    };
    let body: CreateContractInput & { version?: number };
    if (contract)
      body = {
        ...fields,
        title: fields.title ?? contract.title,
        wholeDiscount: wholeDiscount || '0',
        ...(linesTouched ? { lines: linesInput(lines) } : {}),
        version: contract.version,
      };
    else if (quote) body = { ...fields, quoteId: quote.id };
    else
      body = {
        ...fields,
        customerId,
        opportunityId: deal.data?.customerId === customerId ? dealId : null,
        wholeDiscount: wholeDiscount || '0',
        lines: linesInput(lines),
      };
    try {
      const saved = await save.mutateAsync({ id: contract?.id, body });
      message.success(t(contract ? 'editor.saved' : 'editor.created'));
      navigate(`/contracts/${saved.id}`, { replace: true });
    } catch (e) {
      if (isVersionConflict(e) && contract) conflict(() => void reloadContract(qc, contract.id));
      else {
        const rest = applyApiError(form, e);
        if (rest) message.error(rest);
      }
    }
  };
  const cancel = () =>
    navigate(
      contract ? `/contracts/${contract.id}` : quote ? `/quotes/${quote.id}` : customerId ? `/customers/${customerId}` : '/contracts',
    );

  const sub = contract
    ? `${contract.customerName}${contract.opportunityName ? ` · ${contract.opportunityName}` : ''}`
    : quote
      ? t('editor.fromQuote', { number: quote.number, customer: quote.customerName })
      : undefined;

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{
        title: contract?.title,
        signDate: contract ? contract.signDate : companyToday(),
        startDate: contract?.startDate ?? null,
        endDate: contract?.endDate ?? null,
        paymentTerms: contract?.paymentTerms,
        notes: contract?.notes,
      }}
    >
      <PageHeader
        title={contract ? `${t('editor.editTitle')} ${contract.number}` : t('editor.createTitle')}
        sub={sub}
        extra={
          <Space wrap>
            <Button onClick={cancel}>{t('common:actions.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void onSave()} data-testid="contract-save">
              {t('editor.save')}
            </Button>
          </Space>
        }
      />

      <Card variant="borderless" title={t('editor.info')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {byHand && (
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('fields.customer')} required>
                <CustomerSelect
                  value={customerId}
                  current={customer.data ?? null}
                  onChange={(v) => setCustomerId(v)}
                  data-testid="contract-customer"
                />
              </Form.Item>
            </Col>
          )}
          {byHand && deal.data && deal.data.customerId === customerId && (
            <Col xs={24} md={12} xl={8}>
              <Form.Item label={t('fields.opportunity')}>
                <Space>
                  <Link to={`/opportunities/${deal.data.id}`}>{deal.data.name}</Link>
                  <Button size="small" type="link" onClick={() => setDealId(undefined)}>
                    {t('editor.unlinkDeal')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="title" label={t('fields.title')} rules={[{ max: TITLE_MAX }]}>
              <Input
                maxLength={TITLE_MAX}
                placeholder={quote?.title ?? (customer.data ? t('editor.titlePlaceholder', { name: customer.data.name }) : undefined)}
                data-testid="contract-title"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={6} xl={4}>
            <DateField name="signDate" label={t('fields.signDate')} testId="contract-sign-date" />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <DateField name="startDate" label={t('fields.startDate')} testId="contract-start-date" />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <DateField
              name="endDate"
              label={t('fields.endDate')}
              dependencies={['startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: string | null) => {
                    const start = getFieldValue('startDate') as string | null;
                    return !v || !start || v >= start ? Promise.resolve() : Promise.reject(new Error(t('editor.endBeforeStart')));
                  },
                }),
              ]}
              testId="contract-end-date"
            />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="paymentTerms" label={t('fields.paymentTerms')}>
              <Input.TextArea
                rows={3}
                maxLength={LIMITS.text}
                placeholder={t('editor.paymentTermsPlaceholder')}
                data-testid="contract-payment-terms"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="notes" label={t('fields.notes')}>
              <Input.TextArea rows={3} maxLength={LIMITS.text} data-testid="contract-notes" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card
        variant="borderless"
        title={quote ? t('editor.quoteLines', { number: quote.number }) : t('editor.lines')}
        extra={
          <Typography.Text>
            {t('fields.amount')}
            <strong style={{ fontSize: 18, marginInlineStart: 8 }} data-testid="contract-editor-total">
              {formatMoney(total)}
            </strong>
          </Typography.Text>
        }
        style={{ marginBottom: 16 }}
      >
        {quote ? (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('editor.quoteLinesHint')} />
            <ContractLinesTable lines={quote.lines} testId="contract-quote-lines" />
          </>
        ) : (
          <>
            <ContractLinesEditor
              lines={lines}
              onChange={(next) => {
                setLines(next);
                setLinesTouched(true);
              }}
              wholeDiscount={wholeDiscount}
            />
            <Space style={{ marginTop: 12 }}>
              <Typography.Text>{t('fields.wholeDiscount')}</Typography.Text>
              <InputNumber<string>
                stringMode
                min="0"
                max="100"
                precision={2}
                suffix="%"
                size="small"
                value={wholeDiscount}
                onChange={(v) => setWholeDiscount(v ?? '0')}
                style={{ width: 110 }}
                aria-label={t('fields.wholeDiscount')}
              />
            </Space>
          </>
        )}
      </Card>
    </Form>
  );
}
