import { PAYMENT_STATUSES } from '@contracts/receivables.js';
import { Button, Col, Row, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { useUserOptions } from '../../shared/owner-select.js';
import {
  type OverdueInstalment,
  type Payment,
  type UnpaidContract,
  useOverdueInstalments,
  usePayments,
  useUnpaidContracts,
} from './api.js';
import { PaymentActions } from './payment-actions.js';
import { AllocationText, PaymentStatusTag } from './receivable-labels.js';

export const stop = (e: MouseEvent) => e.stopPropagation();

/** The lists name the owner by id; the user options give the name (finance sees every user). */
export function useOwnerName() {
  const users = useUserOptions();
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));
  return (id: string) => names.get(id) ?? '—';
}

/** The contract's number (a link) over its title, so the money columns keep their room. */
export const contractLink = (id: string, number: string, title: string) => (
  <div style={{ minWidth: 0 }}>
    <Link to={`/contracts/${id}`} onClick={stop} style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
      {number}
    </Link>
    {title && (
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
        {title}
      </Typography.Text>
    )}
  </div>
);

/** M1 (seed 002) 未回款合同: effective contracts not yet fully paid, oldest signature first. */
export function UnpaidContractsList() {
  const { t } = useTranslation('receivables');
  const navigate = useNavigate();
  const ownerName = useOwnerName();
  const list = useListPage({ name: 'unpaid', filters: [] });
  const query = useUnpaidContracts({ page: list.page, pageSize: list.pageSize });
  const columns: ListColumn<UnpaidContract>[] = [
    {
      key: 'contract',
      title: t('fields.contract'),
      fixed: 'left',
      width: 190,
      render: (_, c) => contractLink(c.contractId, c.number, c.title),
    },
    {
      key: 'customer',
      title: t('fields.customer'),
      width: 150,
      ellipsis: true,
      render: (_, c) => (
        <Link to={`/customers/${c.customerId}`} onClick={stop}>
          {c.customerName}
        </Link>
      ),
    },
    { key: 'owner', title: t('fields.owner'), width: 72, render: (_, c) => ownerName(c.ownerId) },
    { key: 'signDate', title: t('fields.signDate'), width: 100, render: (_, c) => c.signDate ?? '—' },
    {
      key: 'amount',
      title: t('fields.contractAmount'),
      width: 140,
      align: 'right',
      className: 'money',
      render: (_, c) => formatMoney(c.amount),
    },
    { key: 'paid', title: t('fields.paid'), width: 120, align: 'right', className: 'money', render: (_, c) => formatMoney(c.paid) },
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
  return (
    <>
      {query.data && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
          {t('unpaid.count', { total: query.data.total })}
        </Typography.Text>
      )}
      <ListTable<UnpaidContract>
        list={list}
        query={query}
        columns={columns}
        rowKey={(c) => c.contractId}
        card={{ title: 'contract', subtitle: ['customer', 'owner', 'unpaid', 'nextDue'] }}
        empty={{ text: t('unpaid.empty') }}
        errorTitle={t('unpaid.loadFailed')}
        onRowClick={(c) => navigate(`/contracts/${c.contractId}`)}
      />
    </>
  );
}

/** M1 逾期回款: instalments past their due date with money still open, and by how many days. */
export function OverdueInstalmentsList() {
  const { t } = useTranslation('receivables');
  const navigate = useNavigate();
  const ownerName = useOwnerName();
  const list = useListPage({ name: 'overdue', filters: [] });
  const query = useOverdueInstalments({ page: list.page, pageSize: list.pageSize });
  const columns: ListColumn<OverdueInstalment>[] = [
    {
      key: 'contract',
      title: t('fields.contract'),
      fixed: 'left',
      width: 190,
      render: (_, i) => contractLink(i.contractId, i.number, i.title),
    },
    { key: 'customer', title: t('fields.customer'), width: 160, ellipsis: true, render: (_, i) => i.customerName },
    { key: 'owner', title: t('fields.owner'), width: 72, render: (_, i) => ownerName(i.ownerId) },
    { key: 'position', title: t('fields.position'), width: 80, render: (_, i) => t('overdue.instalment', { position: i.position }) },
    { key: 'dueDate', title: t('fields.dueDate'), width: 110, render: (_, i) => i.dueDate },
    { key: 'amount', title: t('fields.amount'), width: 140, align: 'right', className: 'money', render: (_, i) => formatMoney(i.amount) },
    {
      key: 'unpaid',
      title: t('fields.unpaid'),
      width: 120,
      align: 'right',
      className: 'money',
      render: (_, i) => <strong>{formatMoney(i.unpaid)}</strong>,
    },
    {
      key: 'daysOverdue',
      title: t('fields.daysOverdue'),
      width: 100,
      align: 'right',
      render: (_, i) => (
        <Typography.Text type="danger" strong={i.daysOverdue > 30}>
          {t('overdue.days', { days: i.daysOverdue })}
        </Typography.Text>
      ),
    },
  ];
  return (
    <>
      {query.data && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
          {t('overdue.count', { total: query.data.total })}
        </Typography.Text>
      )}
      <ListTable<OverdueInstalment>
        list={list}
        query={query}
        columns={columns}
        rowKey={(i) => i.instalmentId}
        card={{ title: 'contract', subtitle: ['customer', 'position', 'unpaid', 'daysOverdue'] }}
        empty={{ text: t('overdue.empty') }}
        errorTitle={t('overdue.loadFailed')}
        onRowClick={(i) => navigate(`/contracts/${i.contractId}`)}
      />
    </>
  );
}

/** M1 回款记录: every payment in scope, expected or received; finance confirms the expected ones here. */
export function PaymentsList() {
  const { t } = useTranslation('receivables');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const list = useListPage({ name: 'payment', filters: ['status'] });
  const status = list.text('status');
  const query = usePayments({
    ...list.paging,
    status: PAYMENT_STATUSES.includes(status as Payment['status']) ? status : undefined,
  });
  const columns: ListColumn<Payment>[] = [
    { key: 'receivedOn', title: t('fields.receivedOn'), width: 110, sortable: true, render: (_, p) => p.receivedOn },
    {
      key: 'contract',
      title: t('fields.contract'),
      width: 190,
      render: (_, p) => contractLink(p.contractId, p.contractNumber, p.contractTitle),
    },
    {
      key: 'amount',
      title: t('fields.amount'),
      width: 140,
      align: 'right',
      className: 'money',
      sortable: true,
      render: (_, p) => <strong>{formatMoney(p.amount)}</strong>,
    },
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
    { key: 'allocations', title: t('fields.allocations'), width: 140, ellipsis: true, render: (_, p) => <AllocationText payment={p} /> },
    { key: 'owner', title: t('fields.owner'), width: 72, render: (_, p) => p.ownerName ?? '—' },
    {
      key: 'status',
      title: t('fields.paymentStatus'),
      width: 96,
      render: (_, p) => <PaymentStatusTag payment={p} />,
    },
    { key: 'action', title: '', width: 170, render: (_, p) => <PaymentActions payment={p} /> },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <ChoiceFilter
          list={list}
          name="status"
          placeholder={t('payments.statusAll')}
          options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`paymentStatus.${s}`) }))}
          col={{ xs: 24, sm: 12, md: 8, xl: 5 }}
          data-testid="payment-status-filter"
        />
        {list.filtered && (
          <Col>
            <Button onClick={list.clearFilters}>{tc('list.clearFilters')}</Button>
          </Col>
        )}
        {query.data && (
          <Col flex="auto" style={{ textAlign: 'right', alignSelf: 'center' }}>
            <Typography.Text type="secondary">{t('payments.count', { total: query.data.total })}</Typography.Text>
          </Col>
        )}
      </Row>
      <ListTable<Payment>
        list={list}
        query={query}
        columns={columns}
        defaultSort="-receivedOn"
        card={{ title: 'contract', subtitle: ['receivedOn', 'amount', 'status'], extra: 'action' }}
        empty={{ text: t('payments.empty'), filteredText: t('payments.emptyFiltered') }}
        errorTitle={t('payments.loadFailed')}
        onRowClick={(p) => navigate(`/contracts/${p.contractId}`)}
      />
    </>
  );
}
