import { Empty, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TabRecord } from '../../app/record-tabs.js';
import { formatMoney } from '../../shared/format.js';
import { type Invoice, type Payment, useInvoices, usePayments } from './api.js';
import { PaymentActions } from './payment-actions.js';
import { AllocationText, PaymentStatusTag } from './receivable-labels.js';
import { contractLink } from './receivable-lists.js';

const RECENT = 10;

/**
 * M1: the customer's 回款 tab — the latest payments and invoices on all of its contracts (both lists
 * filtered by the customer on the server). What is still outstanding per contract is on each
 * contract's own 回款 tab: the unpaid list takes no customer filter.
 */
export function CustomerReceivablesTab({ record }: { record: TabRecord }) {
  const { t } = useTranslation('receivables');
  const payments = usePayments({ customerId: record.id, pageSize: RECENT, sort: '-receivedOn' });
  const invoices = useInvoices({ customerId: record.id, pageSize: RECENT, sort: '-issuedOn' });

  const paymentColumns: TableColumnsType<Payment> = [
    { key: 'receivedOn', title: t('fields.receivedOn'), width: 110, render: (_, p) => p.receivedOn },
    {
      key: 'contract',
      title: t('fields.contract'),
      width: 190,
      render: (_, p) => contractLink(p.contractId, p.contractNumber, p.contractTitle),
    },
    { key: 'amount', title: t('fields.amount'), width: 130, align: 'right', className: 'money', render: (_, p) => formatMoney(p.amount) },
    { key: 'method', title: t('fields.method'), width: 90, render: (_, p) => t(`method.${p.method}`) },
    { key: 'allocations', title: t('fields.allocations'), ellipsis: true, render: (_, p) => <AllocationText payment={p} /> },
    {
      key: 'status',
      title: t('fields.paymentStatus'),
      width: 90,
      render: (_, p) => <PaymentStatusTag payment={p} />,
    },
    { key: 'action', width: 170, render: (_, p) => <PaymentActions payment={p} /> },
  ];
  const invoiceColumns: TableColumnsType<Invoice> = [
    { key: 'number', title: t('fields.invoiceNumber'), width: 180, render: (_, i) => i.number },
    { key: 'issuedOn', title: t('fields.issuedOn'), width: 110, render: (_, i) => i.issuedOn },
    {
      key: 'contract',
      title: t('fields.contract'),
      width: 190,
      render: (_, i) => contractLink(i.contractId, i.contractNumber, i.contractTitle),
    },
    {
      key: 'type',
      title: t('fields.invoiceType'),
      width: 110,
      render: (_, i) => `${t(`invoiceTypeShort.${i.type}`)} ${Number(i.taxRate)}%`,
    },
    { key: 'amount', title: t('fields.amount'), width: 130, align: 'right', className: 'money', render: (_, i) => formatMoney(i.amount) },
    {
      key: 'taxAmount',
      title: t('fields.taxAmount'),
      width: 120,
      align: 'right',
      className: 'money',
      render: (_, i) => formatMoney(i.taxAmount),
    },
  ];

  return (
    <div data-testid="customer-receivables">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('customer.payments')}
      </Typography.Title>
      <Table<Payment>
        rowKey="id"
        size="small"
        loading={payments.isLoading}
        columns={paymentColumns}
        dataSource={payments.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tab.noPayments')} /> }}
        data-testid="customer-payments"
      />
      {payments.data && payments.data.total > RECENT && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('customer.more', { shown: RECENT, total: payments.data.total })}
        </Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('customer.invoices')}
      </Typography.Title>
      <Table<Invoice>
        rowKey="id"
        size="small"
        loading={invoices.isLoading}
        columns={invoiceColumns}
        dataSource={invoices.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invoices.none')} /> }}
        data-testid="customer-invoices"
      />
    </div>
  );
}
