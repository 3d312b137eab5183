import { PAYMENT_STATUSES } from '@contracts/receivables.js';
import { Button, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListTable, useListPage } from '../../shared/list-kit/index.js';
import {
  type OverdueInstalment,
  type Payment,
  type UnpaidContract,
  useOverdueInstalments,
  usePayments,
  useUnpaidContracts,
} from './api.js';
import { paymentColumns, unpaidColumns } from './receivable-columns.js';
import { contractLink, useOwnerName } from './receivable-links.js';

/** M1 (seed 002) 未回款合同: effective contracts not yet fully paid, oldest signature first. */
export function UnpaidContractsList() {
  const { t } = useTranslation('receivables');
  const navigate = useNavigate();
  const ownerName = useOwnerName();
  const list = useListPage({ name: 'unpaid', filters: [] });
  const query = useUnpaidContracts({ page: list.page, pageSize: list.pageSize });
  const columns = unpaidColumns(t, ownerName);
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
  const columns = paymentColumns(t, { withContract: true, withOwner: true, sortable: true });
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
