import { LIMITS } from '@contracts/common.js';
import { PAYMENT_METHODS } from '@contracts/receivables.js';
import { Alert, Col, Form, Input, Radio, Row, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { companyToday } from '../../shared/dates.js';
import { DateField, FormDrawer, MoneyInput, freshOnEachOpen, useRecordForm } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { type Instalment, type Payment, reloadPayment, useCreatePayment, usePaymentPlan, useUpdatePayment } from './api.js';
import { ContractPicker } from './contract-picker.js';
import {
  allocateOldestFirst,
  allocationsInput,
  checkAllocation,
  fenOf,
  openOnPlan,
  roomOf,
  roomText,
  withoutOwnAllocations,
} from './receivable-math.js';

interface FormValues {
  contractId?: string;
  receivedOn: string | null;
  amount?: string | null;
  method: Payment['method'];
  bankReference?: string | null;
  note?: string | null;
  mode: 'auto' | 'manual';
  allocations?: Record<string, string | null | undefined>;
}

interface Props {
  open: boolean;
  /** From the contract's 回款 tab: the contract is fixed. */
  contract?: { id: string; number: string; title: string };
  /** A correction of this payment (its contract stays). */
  payment?: Payment;
  onClose: () => void;
}

const text = (v: string | null | undefined) => v?.trim() || null;

/**
 * M1 登记回款: the money received on an effective contract and the instalments it pays, oldest due
 * first or by hand with what is left to spread shown as it is typed. Finance's payment is received at
 * once; anyone else's is 预计回款 until finance confirms it.
 */
export const PaymentFormDrawer = freshOnEachOpen(PaymentFormSession);

function PaymentFormSession({ open, contract: given$, payment, onClose }: Props) {
  const { t } = useTranslation('receivables');
  const { can } = useAuth();
  const create = useCreatePayment();
  const update = useUpdatePayment();
  const contract = payment ? { id: payment.contractId, number: payment.contractNumber, title: payment.contractTitle } : given$;
  const rf = useRecordForm<FormValues, Payment>({
    record: payment,
    toValues: (p) =>
      p
        ? {
            contractId: p.contractId,
            receivedOn: p.receivedOn,
            amount: p.amount,
            method: p.method,
            bankReference: p.bankReference,
            note: p.note,
            mode: 'auto',
            allocations: Object.fromEntries(p.allocations.map((a) => [a.instalmentId, a.amount])),
          }
        : { contractId: contract?.id, receivedOn: companyToday(), method: 'bank_transfer', mode: 'auto', allocations: {} },
    save: (v, p) => {
      const fields = {
        receivedOn: v.receivedOn as string,
        amount: String(v.amount),
        method: v.method,
        bankReference: text(v.bankReference),
        note: text(v.note),
        allocations: v.mode === 'manual' ? allocationsInput(instalments, v.allocations ?? {}) : undefined,
      };
      return p
        ? update.mutateAsync({ id: p.id, body: { ...fields, version: p.version }, resubmit: p.status === 'rejected' })
        : create.mutateAsync({ ...fields, contractId: v.contractId as string });
    },
    reload: (p) => reloadPayment(p.id),
    savedMessage: (saved, editing) =>
      editing
        ? t(payment?.status === 'rejected' ? 'payment.resubmitted' : 'payment.corrected')
        : saved.status === 'expected'
          ? t('payment.savedExpected')
          : t('payment.saved'),
    onClose,
  });
  const { form } = rf;
  const contractId = Form.useWatch('contractId', form) ?? contract?.id;
  const amount = Form.useWatch('amount', form);
  const mode = Form.useWatch('mode', form) ?? 'auto';
  const given = Form.useWatch('allocations', form) ?? {};
  const plan = usePaymentPlan(contractId ?? '', !!contractId);

  // A correction sees the room its own allocations hold as free again (a rejected one holds none).
  const own = payment && payment.status !== 'rejected' ? payment.allocations : [];
  const instalments = withoutOwnAllocations(plan.data?.instalments ?? [], own);
  const open$ = openOnPlan(instalments);
  // Unchanged, a corrected payment keeps its allocations; a new amount goes oldest first again.
  const keeps = payment && fenOf(amount) === fenOf(payment.amount) && own.length > 0;
  const auto = keeps ? Object.fromEntries(own.map((a) => [a.instalmentId, a.amount])) : allocateOldestFirst(instalments, amount);
  const check = checkAllocation(instalments, amount, given);
  const noPlan = !!contractId && plan.isSuccess && instalments.length === 0;

  const columns: TableColumnsType<Instalment> = [
    { key: 'position', title: t('fields.position'), width: 56, align: 'center', render: (_, i) => i.position },
    { key: 'dueDate', title: t('fields.dueDate'), width: 104, render: (_, i) => i.dueDate },
    { key: 'amount', title: t('fields.amount'), width: 120, align: 'right', className: 'money', render: (_, i) => formatMoney(i.amount) },
    {
      key: 'room',
      title: t('fields.room'),
      width: 120,
      align: 'right',
      className: 'money',
      render: (_, i) => formatMoney(roomOf(i) > 0n ? roomText(i) : '0'),
    },
    {
      key: 'take',
      title: t('payment.take'),
      width: 170,
      render: (_, i) =>
        mode === 'auto' ? (
          <span className="money">{auto[i.id] ? formatMoney(auto[i.id]) : '—'}</span>
        ) : (
          <Form.Item
            name={['allocations', i.id]}
            style={{ margin: 0 }}
            validateStatus={check.over.includes(i.id) ? 'error' : undefined}
            help={check.over.includes(i.id) ? t('payment.overRoom') : undefined}
          >
            <MoneyInput disabled={roomOf(i) <= 0n} data-testid="payment-allocation" />
          </Form.Item>
        ),
    },
  ];

  const half = { xs: 24, md: 12 };
  return (
    <FormDrawer
      open={open}
      title={payment ? t(payment.status === 'rejected' ? 'payment.resubmitTitle' : 'payment.editTitle') : t('payment.title')}
      saveTestId="payment-save"
      width={760}
      {...rf.shellProps}
    >
      {payment?.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('payment.rejectedBecause', { reason: payment.rejectReason ?? '—' })}
          data-testid="payment-rejected-reason"
        />
      )}
      {payment?.status === 'confirmed' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('payment.editConfirmed')} />}
      {!payment && (
        <Alert
          type={can('receivables', 'approve') ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={can('receivables', 'approve') ? t('payment.confirmedHint') : t('payment.expectedHint')}
        />
      )}
      <Form<FormValues> {...rf.formProps} data-testid="payment-form">
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="contractId"
              label={t('payment.contract')}
              rules={[{ required: true, message: t('payment.contractRequired') }]}
              extra={contractId && plan.data && !noPlan ? t('payment.open', { amount: formatMoney(open$) }) : undefined}
            >
              <ContractPicker fixed={contract} onPicked={() => form.setFieldValue('allocations', {})} testId="payment-contract" />
            </Form.Item>
          </Col>
          {noPlan && (
            <Col xs={24}>
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('payment.noPlan')} />
            </Col>
          )}
          <Col {...half}>
            <DateField
              name="receivedOn"
              label={t('fields.receivedOn')}
              rules={[{ required: true, message: t('payment.dateRequired') }]}
              testId="payment-date"
            />
          </Col>
          <Col {...half}>
            <Form.Item
              name="amount"
              label={t('fields.amount')}
              rules={[
                { required: true, message: t('payment.amountRequired') },
                {
                  validator: (_, v) => {
                    const f = fenOf(v);
                    if (f !== null && plan.data && f > (fenOf(open$) ?? 0n))
                      return Promise.reject(new Error(t('payment.overOpen', { amount: formatMoney(open$) })));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <MoneyInput min="0.01" data-testid="payment-amount" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="method" label={t('fields.method')} rules={[{ required: true }]}>
              <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))} data-testid="payment-method" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="bankReference" label={t('fields.bankReference')} rules={[{ max: 100 }]}>
              <Input placeholder={t('payment.bankReferencePlaceholder')} data-testid="payment-reference" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('fields.note')} rules={[{ max: LIMITS.text }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
        </Row>

        {instalments.length > 0 && (
          <>
            <Form.Item
              name="mode"
              label={t('payment.allocation')}
              style={{ marginBottom: 8 }}
              dependencies={['amount', 'allocations']}
              // Checked on save, then again as the figures change; not while the clerk is still typing them.
              validateTrigger={[]}
              rules={[
                {
                  // By hand, the instalments must take the whole payment, none beyond what it still lacks.
                  validator: (_, m) =>
                    m !== 'manual' || checkAllocation(instalments, form.getFieldValue('amount'), form.getFieldValue('allocations') ?? {}).ok
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('payment.allocationNotOk'))),
                },
              ]}
            >
              <Radio.Group
                options={[
                  { value: 'auto', label: t('payment.auto') },
                  { value: 'manual', label: t('payment.manual') },
                ]}
                data-testid="payment-mode"
              />
            </Form.Item>
            <Table<Instalment>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={instalments}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="payment-instalments"
            />
            {mode === 'manual' && (
              <div style={{ marginTop: 8, textAlign: 'right' }}>
                <Typography.Text type={check.ok ? 'success' : 'warning'} strong data-testid="payment-remaining">
                  {check.ok ? t('payment.allocatedOk') : t('payment.remaining', { amount: formatMoney(check.remaining) })}
                </Typography.Text>
              </div>
            )}
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
