import { LIMITS } from '@contracts/common.js';
import { INVOICE_TYPES, invoiceTax } from '@contracts/invoices.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyToday } from '../../shared/dates.js';
import { DateField, FormModal, MoneyInput, freshOnEachOpen, useRecordForm } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { type Invoice, useCreateInvoice, useInvoices, usePaymentPlan } from './api.js';
import { ContractPicker } from './contract-picker.js';
import { fenOf } from './receivable-math.js';

interface FormValues {
  contractId?: string;
  number?: string;
  issuedOn: string | null;
  amount?: string | null;
  type: Invoice['type'];
  taxRate: string;
  taxAmount?: string | null;
  note?: string | null;
}

interface Props {
  open: boolean;
  contract?: { id: string; number: string; title: string };
  onClose: () => void;
}

const validRate = (v: string | null | undefined) => !!v && /^\d{1,3}(\.\d{1,2})?$/.test(String(v));

/**
 * M1 开票: a VAT invoice issued on an effective contract — number, date, the total incl. tax, 专票/普票
 * and the rate; the tax is computed exactly from them unless typed as printed. Never beyond what the
 * contract has left to invoice.
 */
export const InvoiceFormModal = freshOnEachOpen(InvoiceFormSession);

function InvoiceFormSession({ open, contract, onClose }: Props) {
  const { t } = useTranslation('receivables');
  const create = useCreateInvoice();
  const rf = useRecordForm<FormValues, Invoice>({
    record: undefined,
    toValues: () => ({ contractId: contract?.id, issuedOn: companyToday(), type: 'vat_special', taxRate: '13' }),
    save: (v) =>
      create.mutateAsync({
        contractId: v.contractId as string,
        number: (v.number ?? '').trim(),
        issuedOn: v.issuedOn as string,
        amount: String(v.amount),
        type: v.type,
        taxRate: String(v.taxRate),
        taxAmount: v.taxAmount ? String(v.taxAmount) : undefined,
        note: v.note?.trim() || null,
      }),
    savedMessage: () => t('invoices.saved'),
    onClose,
  });
  const { form } = rf;
  const contractId = Form.useWatch('contractId', form) ?? contract?.id;
  const amount = Form.useWatch('amount', form);
  const rate = Form.useWatch('taxRate', form);
  const plan = usePaymentPlan(contractId ?? '', !!contractId);
  const invoices = useInvoices({ contractId, pageSize: LIMITS.pageSizeMax }, !!contractId);
  const invoiced = (invoices.data?.items ?? []).reduce((s, i) => s + fen(i.amount), 0n);
  const remaining = plan.data && invoices.data ? formatFen(fen(plan.data.contractAmount) - invoiced) : null;
  const autoTax = fenOf(amount) !== null && validRate(rate) ? invoiceTax(String(amount), String(rate)) : null;

  const half = { xs: 24, md: 12 };
  return (
    <FormModal open={open} width={680} title={t('invoices.title')} saveTestId="invoice-save" {...rf.shellProps}>
      <Form<FormValues> {...rf.formProps} data-testid="invoice-form">
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="contractId"
              label={t('fields.contract')}
              rules={[{ required: true, message: t('payment.contractRequired') }]}
              extra={remaining !== null ? t('invoices.remaining', { amount: formatMoney(remaining) }) : undefined}
            >
              <ContractPicker fixed={contract} testId="invoice-contract" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="number"
              label={t('fields.invoiceNumber')}
              rules={[
                { required: true, whitespace: true, message: t('invoices.numberRequired') },
                { max: 40 },
                { pattern: /^[0-9A-Za-z-]+$/ },
              ]}
            >
              <Input placeholder="如：25332000000012345678" data-testid="invoice-number" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <DateField name="issuedOn" label={t('fields.issuedOn')} rules={[{ required: true, message: t('invoices.dateRequired') }]} />
          </Col>
          <Col {...half}>
            <Form.Item
              name="amount"
              label={t('invoices.amountHint')}
              rules={[
                { required: true, message: t('invoices.amountRequired') },
                {
                  validator: (_, v) => {
                    const f = fenOf(v);
                    if (f !== null && remaining !== null && f > fen(remaining))
                      return Promise.reject(new Error(t('invoices.overRemaining', { amount: formatMoney(remaining) })));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <MoneyInput min="0.01" data-testid="invoice-amount" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="type" label={t('fields.invoiceType')} rules={[{ required: true }]}>
              <Select options={INVOICE_TYPES.map((v) => ({ value: v, label: t(`invoiceType.${v}`) }))} data-testid="invoice-type" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="taxRate" label={t('fields.taxRate')} rules={[{ required: true }]}>
              <InputNumber<string>
                stringMode
                min="0"
                max="100"
                precision={2}
                suffix="%"
                style={{ width: '100%' }}
                data-testid="invoice-tax-rate"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="taxAmount"
              label={t('fields.taxAmount')}
              extra={autoTax ? t('invoices.taxAuto', { amount: formatMoney(autoTax) }) : undefined}
            >
              <MoneyInput placeholder={autoTax ?? undefined} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('fields.note')} rules={[{ max: LIMITS.text }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
