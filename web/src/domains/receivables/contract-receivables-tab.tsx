import { fen, formatFen } from '@contracts/quote-money.js';
import { EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import type { TabRecord } from '../../app/record-tabs.js';
import { companyToday } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { LIMITS } from '@contracts/common.js';
import { type Instalment, type Invoice, type Payment, useInvoices, usePaymentPlan, usePayments } from './api.js';
import { InvoiceFormModal } from './invoice-form.js';
import { PaymentFormDrawer } from './payment-form.js';
import { PlanEditor } from './plan-editor.js';
import { invoiceColumns, paymentColumns, TabTable } from './receivable-columns.js';
import { InstalmentStatusTag } from './receivable-labels.js';
import { instalmentStatus } from './receivable-math.js';

/** Plans and payments belong to a contract once it is in force; an ended one keeps what it had. */
const HAS_RECEIVABLES = ['effective', 'terminated', 'voided'];

/** M1: the contract's 回款 tab — its payment plan, the payments received, 登记回款 and the plan editor. */
export function ContractReceivablesTab({ record }: { record: TabRecord }) {
  const { t } = useTranslation('receivables');
  if (!HAS_RECEIVABLES.includes(record.status ?? ''))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tab.notEffective')} />;
  return <ContractReceivables record={record} />;
}

function ContractReceivables({ record }: { record: TabRecord }) {
  const { t } = useTranslation('receivables');
  const { can } = useAuth();
  const plan = usePaymentPlan(record.id);
  const payments = usePayments({ contractId: record.id, pageSize: 100, sort: '-receivedOn' });
  const [editing, setEditing] = useState(false);
  const [paying, setPaying] = useState(false);
  const [invoicing, setInvoicing] = useState(false);
  const invoices = useInvoices({ contractId: record.id, pageSize: LIMITS.pageSizeMax, sort: '-issuedOn' });
  const invoiced = formatFen((invoices.data?.items ?? []).reduce((s, i) => s + fen(i.amount), 0n));
  const today = companyToday();
  const effective = record.status === 'effective';
  const instalments = plan.data?.instalments ?? [];
  const amount = plan.data?.contractAmount ?? '0';
  const paid = formatFen(instalments.reduce((s, i) => s + fen(i.paid), 0n));
  const unpaid = formatFen(fen(amount) - fen(paid));
  // The tab knows the contract's title; its number comes with any payment or invoice already recorded.
  const number = payments.data?.items[0]?.contractNumber ?? invoices.data?.items[0]?.contractNumber ?? '';
  const mayPlan = effective && can('receivables', 'create');
  const toInvoice = formatFen(fen(amount) - fen(invoiced));
  const mayInvoice = effective && can('receivables', 'edit') && plan.isSuccess && invoices.isSuccess && fen(toInvoice) > 0n;

  const planColumns: TableColumnsType<Instalment> = [
    { key: 'position', title: t('fields.position'), width: 64, align: 'center', render: (_, i) => i.position },
    { key: 'dueDate', title: t('fields.dueDate'), width: 110, render: (_, i) => i.dueDate },
    { key: 'amount', title: t('fields.amount'), width: 140, align: 'right', className: 'money', render: (_, i) => formatMoney(i.amount) },
    { key: 'milestone', title: t('fields.milestone'), ellipsis: true, render: (_, i) => i.milestone ?? '—' },
    {
      key: 'allocated',
      title: t('fields.allocated'),
      width: 130,
      align: 'right',
      className: 'money',
      render: (_, i) => formatMoney(i.allocated),
    },
    { key: 'paid', title: t('fields.paid'), width: 130, align: 'right', className: 'money', render: (_, i) => formatMoney(i.paid) },
    {
      key: 'status',
      title: t('fields.instalmentStatus'),
      width: 96,
      render: (_, i) => <InstalmentStatusTag status={instalmentStatus(i, today, plan.data?.status === 'closed')} />,
    },
  ];

  return (
    <div data-testid="contract-receivables">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text strong data-testid="receivables-summary">
          {t('tab.summary', { amount: formatMoney(amount), paid: formatMoney(paid), unpaid: formatMoney(unpaid) })}
        </Typography.Text>
        <Space wrap>
          {mayPlan && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!plan.data} data-testid="plan-edit">
              {instalments.length > 0 ? t('tab.editPlan') : t('tab.newPlan')}
            </Button>
          )}
          {mayInvoice && (
            <Button icon={<FileTextOutlined />} onClick={() => setInvoicing(true)} data-testid="invoice-new">
              {t('invoices.issue')}
            </Button>
          )}
          {mayPlan && instalments.length > 0 && fen(unpaid) > 0n && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPaying(true)} data-testid="payment-new">
              {t('payments.record')}
            </Button>
          )}
        </Space>
      </div>

      {plan.data?.status === 'closed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('tab.closed', { paid: formatMoney(paid), rest: formatMoney(unpaid) })}
          data-testid="plan-closed"
        />
      )}
      {plan.data?.status === 'needs_attention' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('tab.needsAttention', { total: formatMoney(plan.data.planTotal), amount: formatMoney(amount) })}
          data-testid="plan-needs-attention"
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('tab.plan')}
      </Typography.Title>
      {plan.isSuccess && instalments.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <div>{t('tab.noPlan')}</div>
              <Typography.Text type="secondary">{t('tab.noPlanHint', { amount: formatMoney(amount) })}</Typography.Text>
            </>
          }
        />
      ) : (
        <Table<Instalment>
          rowKey="id"
          size="small"
          loading={plan.isLoading}
          columns={planColumns}
          dataSource={instalments}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="plan-table"
          summary={() =>
            instalments.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{t('tab.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right" className="money">
                  <strong>{formatMoney(formatFen(instalments.reduce((s, i) => s + fen(i.amount), 0n)))}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} />
                <Table.Summary.Cell index={4} align="right" className="money">
                  {formatMoney(formatFen(instalments.reduce((s, i) => s + fen(i.allocated), 0n)))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right" className="money">
                  <strong>{formatMoney(paid)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} />
              </Table.Summary.Row>
            )
          }
        />
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('tab.payments')}
      </Typography.Title>
      <TabTable<Payment>
        rowKey="id"
        query={payments}
        columns={paymentColumns(t, { withContract: false })}
        empty={t('tab.noPayments')}
        testId="contract-payments"
      />

      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'baseline', marginTop: 24 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('tab.invoices')}
        </Typography.Title>
        {plan.data && invoices.data && (
          <Typography.Text type="secondary" data-testid="invoice-summary">
            {t('invoices.summary', { invoiced: formatMoney(invoiced), remaining: formatMoney(toInvoice) })}
          </Typography.Text>
        )}
      </div>
      <TabTable<Invoice>
        rowKey="id"
        style={{ marginTop: 8 }}
        query={invoices}
        columns={invoiceColumns(t, { withContract: false })}
        empty={t('invoices.none')}
        testId="contract-invoices"
      />

      {plan.data && <PlanEditor open={editing} plan={plan.data} contractNumber={record.name} onClose={() => setEditing(false)} />}
      <PaymentFormDrawer open={paying} contract={{ id: record.id, number, title: record.name }} onClose={() => setPaying(false)} />
      <InvoiceFormModal open={invoicing} contract={{ id: record.id, number, title: record.name }} onClose={() => setInvoicing(false)} />
    </div>
  );
}
