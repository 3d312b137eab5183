import { LIMITS } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { companyToday } from '../../shared/dates.js';
import {
  CustomerSelect,
  DateField,
  FormDrawer,
  freshOnEachOpen,
  MoneyInput,
  PicklistSelect,
  useRecordForm,
} from '../../shared/form-kit/index.js';
import { type Expense, type ExpenseInput, reloadExpense, useCustomerContracts, useCustomerDeals, useSaveExpense } from './api.js';

interface FormValues {
  customerId?: string;
  category?: string;
  amount?: string;
  spentOn?: string;
  description?: string;
  opportunityId?: string | null;
  contractId?: string | null;
}

const toValues = (e: Expense | undefined, customerId: string | undefined): FormValues =>
  e
    ? {
        customerId: e.customerId,
        category: e.category,
        amount: e.amount,
        spentOn: e.spentOn,
        description: e.description,
        opportunityId: e.opportunityId,
        contractId: e.contractId,
      }
    : { customerId, spentOn: companyToday(), opportunityId: null, contractId: null };

const toBody = (v: FormValues): ExpenseInput => ({
  customerId: v.customerId,
  category: v.category as string,
  amount: v.amount as string,
  spentOn: v.spentOn as string,
  description: (v.description ?? '').trim(),
  opportunityId: v.opportunityId ?? null,
  contractId: v.contractId ?? null,
});

interface Props {
  open: boolean;
  /** The claim to edit (a draft or a rejected one); without it the drawer makes a new one. */
  expense?: Expense;
  /** A new claim for this customer (from the customer's 费用 tab). */
  customer?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (e: Expense) => void;
}

/** M4: a claim in a drawer — customer first, then (optionally) one of its deals or contracts; receipts on the claim's page. */
export const ExpenseFormDrawer = freshOnEachOpen(ExpenseFormSession);

function ExpenseFormSession({ open, expense, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation('expenses');
  const qc = useQueryClient();
  const save = useSaveExpense();
  const rf = useRecordForm<FormValues, Expense>({
    record: expense,
    toValues: (e) => toValues(e, customer?.id),
    save: (values, base) => {
      const body = { ...toBody(values), customerId: values.customerId ?? base?.customerId ?? customer?.id };
      return save.mutateAsync(base ? { id: base.id, body: { ...body, version: base.version } } : { body });
    },
    reload: (base) => reloadExpense(qc, base.id),
    savedMessage: () => t('form.saved'),
    discard: { title: t('form.discardTitle'), body: t('form.discardBody'), ok: t('form.discardOk'), keep: t('form.discardKeep') },
    onSaved,
    onClose,
  });
  const fixedCustomer = customer && !expense ? customer : undefined;
  const customerId = (Form.useWatch('customerId', rf.form) as string | undefined) ?? fixedCustomer?.id;
  const deals = useCustomerDeals(customerId);
  const contracts = useCustomerContracts(customerId);
  const half = { xs: 24, sm: 12 };

  return (
    <FormDrawer
      open={open}
      title={rf.editing ? t('form.editTitle', { number: expense?.number }) : t('form.createTitle')}
      width={640}
      saveTestId="expense-save"
      {...rf.shellProps}
    >
      <Form<FormValues>
        {...rf.formProps}
        data-testid="expense-form"
        onValuesChange={(changed) => {
          // Another customer: its deals and contracts differ, so the links start over.
          if ('customerId' in changed) rf.form.setFieldsValue({ opportunityId: null, contractId: null });
        }}
      >
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
            <CustomerSelect
              placeholder={t('form.customerPlaceholder')}
              current={expense ? { id: expense.customerId, name: expense.customerName } : undefined}
              data-testid="expense-customer"
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="category" label={t('fields.category')} rules={[{ required: true }]}>
              <PicklistSelect list="expense_category" placeholder={t('form.categoryPlaceholder')} data-testid="expense-category" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="amount" label={t('fields.amount')} rules={[{ required: true }]}>
              <MoneyInput min="0.01" data-testid="expense-amount" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <DateField name="spentOn" label={t('fields.spentOn')} rules={[{ required: true }]} testId="expense-spent-on" />
          </Col>
        </Row>
        <Form.Item name="description" label={t('fields.description')} rules={[{ required: true, whitespace: true }, { max: LIMITS.text }]}>
          <Input.TextArea
            rows={3}
            maxLength={LIMITS.text}
            showCount
            placeholder={t('form.descriptionPlaceholder')}
            data-testid="expense-description"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="opportunityId" label={t('fields.opportunity')}>
              <Select
                allowClear
                disabled={!customerId}
                loading={deals.isFetching}
                placeholder={customerId ? t('form.opportunityPlaceholder') : t('form.pickCustomerFirst')}
                options={(deals.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
                data-testid="expense-opportunity"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contractId" label={t('fields.contract')}>
              <Select
                allowClear
                disabled={!customerId}
                loading={contracts.isFetching}
                placeholder={customerId ? t('form.contractPlaceholder') : t('form.pickCustomerFirst')}
                options={(contracts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
                data-testid="expense-contract"
              />
            </Form.Item>
          </Col>
        </Row>
        {!expense && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('form.receiptsHint')}
          </Typography.Paragraph>
        )}
      </Form>
    </FormDrawer>
  );
}
