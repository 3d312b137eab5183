import { Empty, Table, Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../shared/format.js';
import type { ListColumn } from '../../shared/list-kit/index.js';
import type { Invoice, Payment, UnpaidContract } from './api.js';
import { InvoiceActions } from './invoice-actions.js';
import { PaymentActions } from './payment-actions.js';
import { AllocationText, PaymentStatusTag } from './receivable-labels.js';
import { contractLink, stop } from './receivable-links.js';

// The payment, invoice and unpaid-contract columns of the contract's and the customer's 回款 tabs and
// of the 回款 page: one definition each, the contract (or customer) column only where the rows span several.

type T = TFunction<'receivables'>;
function money<R>(key: string, title: string, width: number, value: (row: R) => string): ListColumn<R> {
  return { key, title, width, align: 'right', className: 'money', render: (_, row) => formatMoney(value(row)) };
}

export function paymentColumns(
  t: T,
  { withContract, withOwner = false, sortable = false }: { withContract: boolean; withOwner?: boolean; sortable?: boolean },
): ListColumn<Payment>[] {
  return [
    { key: 'receivedOn', title: t('fields.receivedOn'), width: 110, sortable, render: (_, p) => p.receivedOn },
    ...(withContract
      ? [
          {
            key: 'contract',
            title: t('fields.contract'),
            width: 190,
            render: (_: unknown, p: Payment) => contractLink(p.contractId, p.contractNumber, p.contractTitle),
          },
        ]
      : []),
    { ...money('amount', t('fields.amount'), 140, (p: Payment) => p.amount), sortable },
    {
      key: 'method',
      title: t('fields.methodAndReference'),
      width: 150,
      render: (_, p) => (
        <div>
          {t(`method.${p.method}`)}
          {p.bankReference && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              {p.bankReference}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'allocations', title: t('fields.allocations'), ellipsis: true, render: (_, p) => <AllocationText payment={p} /> },
    ...(withOwner ? [{ key: 'owner', title: t('fields.owner'), width: 72, render: (_: unknown, p: Payment) => p.ownerName ?? '—' }] : []),
    { key: 'status', title: t('fields.paymentStatus'), width: 96, render: (_, p) => <PaymentStatusTag payment={p} /> },
    { key: 'action', title: '', width: 170, render: (_, p) => <PaymentActions payment={p} /> },
  ];
}

export function invoiceColumns(t: T, { withContract }: { withContract: boolean }): ListColumn<Invoice>[] {
  return [
    { key: 'number', title: t('fields.invoiceNumber'), width: 180, render: (_, i) => i.number },
    { key: 'issuedOn', title: t('fields.issuedOn'), width: 110, render: (_, i) => i.issuedOn },
    ...(withContract
      ? [
          {
            key: 'contract',
            title: t('fields.contract'),
            width: 190,
            render: (_: unknown, i: Invoice) => contractLink(i.contractId, i.contractNumber, i.contractTitle),
          },
        ]
      : []),
    {
      key: 'type',
      title: t('fields.invoiceType'),
      width: 110,
      render: (_, i) => `${t(`invoiceTypeShort.${i.type}`)} ${Number(i.taxRate)}%`,
    },
    money('amount', t('fields.amount'), 140, (i: Invoice) => i.amount),
    money('taxAmount', t('fields.taxAmount'), 120, (i: Invoice) => i.taxAmount),
    { key: 'action', width: 64, render: (_, i) => <InvoiceActions invoice={i} /> },
  ];
}

/** 未回款合同 on the 回款 page (with the customer and owner) and on a customer's tab (without). */
export function unpaidColumns(t: T, ownerName?: (id: string) => string): ListColumn<UnpaidContract>[] {
  return [
    {
      key: 'contract',
      title: t('fields.contract'),
      fixed: 'left',
      width: 190,
      render: (_, c) => contractLink(c.contractId, c.number, c.title),
    },
    ...(ownerName
      ? [
          {
            key: 'customer',
            title: t('fields.customer'),
            width: 150,
            ellipsis: true,
            render: (_: unknown, c: UnpaidContract) => (
              <Link to={`/customers/${c.customerId}`} onClick={stop}>
                {c.customerName}
              </Link>
            ),
          },
          { key: 'owner', title: t('fields.owner'), width: 72, render: (_: unknown, c: UnpaidContract) => ownerName(c.ownerId) },
        ]
      : []),
    { key: 'signDate', title: t('fields.signDate'), width: 100, render: (_, c) => c.signDate ?? '—' },
    money('amount', t('fields.contractAmount'), 140, (c: UnpaidContract) => c.amount),
    money('paid', t('fields.paid'), 120, (c: UnpaidContract) => c.paid),
    {
      key: 'unpaid',
      title: t('fields.unpaid'),
      width: 120,
      align: 'right',
      className: 'money',
      render: (_, c) => <strong data-testid="unpaid-amount">{formatMoney(c.unpaid)}</strong>,
    },
    {
      key: 'nextDue',
      title: t('fields.nextDue'),
      width: 150,
      render: (_, c) =>
        c.nextDue ? (
          <div>
            {t('unpaid.next', { position: c.nextDue.position, date: c.nextDue.dueDate })}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatMoney(c.nextDue.unpaid)}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('unpaid.noPlan')}</Typography.Text>
        ),
    },
  ];
}

/** A tab's small table of one query's rows (no paging: the tab shows the latest or all), with its empty text. */
export function TabTable<R extends object>(props: {
  rowKey: keyof R & string;
  query: { isLoading: boolean; data?: { items: R[] } };
  columns: ListColumn<R>[];
  empty: string;
  testId: string;
  style?: CSSProperties;
}) {
  return (
    <Table<R>
      rowKey={props.rowKey}
      size="small"
      style={props.style}
      loading={props.query.isLoading}
      columns={props.columns}
      dataSource={props.query.data?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} /> }}
      data-testid={props.testId}
    />
  );
}
