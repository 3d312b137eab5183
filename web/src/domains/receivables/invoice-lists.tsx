import { INVOICE_TYPES } from '@contracts/invoices.js';
import { Button, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatMoney } from '../../shared/format.js';
import { ChoiceFilter } from '../../shared/list-kit/list-filters.js';
import { type ListColumn, ListTable, useListPage } from '../../shared/list-kit/index.js';
import { type Invoice, type UninvoicedContract, useInvoices, useUninvoicedContracts } from './api.js';
import { InvoiceActions } from './invoice-actions.js';
import { contractLink, stop, useOwnerName } from './receivable-links.js';

/** M1 (seed 002) 未开票合同: effective contracts not yet fully invoiced, oldest signature first. */
export function UninvoicedContractsList() {
  const { t } = useTranslation('receivables');
  const navigate = useNavigate();
  const ownerName = useOwnerName();
  const list = useListPage({ name: 'uninvoiced', filters: [] });
  const query = useUninvoicedContracts({ page: list.page, pageSize: list.pageSize });
  const columns: ListColumn<UninvoicedContract>[] = [
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
      width: 180,
      ellipsis: true,
      render: (_, c) => (
        <Link to={`/customers/${c.customerId}`} onClick={stop}>
          {c.customerName}
        </Link>
      ),
    },
    { key: 'owner', title: t('fields.owner'), width: 72, render: (_, c) => ownerName(c.ownerId) },
    { key: 'signDate', title: t('fields.signDate'), width: 110, render: (_, c) => c.signDate ?? '—' },
    {
      key: 'amount',
      title: t('fields.contractAmount'),
      width: 140,
      align: 'right',
      className: 'money',
      render: (_, c) => formatMoney(c.amount),
    },
    {
      key: 'invoiced',
      title: t('fields.invoiced'),
      width: 140,
      align: 'right',
      className: 'money',
      render: (_, c) => formatMoney(c.invoiced),
    },
    {
      key: 'remaining',
      title: t('fields.remainingInvoice'),
      width: 140,
      align: 'right',
      className: 'money',
      render: (_, c) => <strong>{formatMoney(c.remaining)}</strong>,
    },
  ];
  return (
    <>
      {query.data && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
          {t('uninvoiced.count', { total: query.data.total })}
        </Typography.Text>
      )}
      <ListTable<UninvoicedContract>
        list={list}
        query={query}
        columns={columns}
        rowKey={(c) => c.contractId}
        card={{ title: 'contract', subtitle: ['customer', 'owner', 'remaining'] }}
        empty={{ text: t('uninvoiced.empty') }}
        errorTitle={t('uninvoiced.loadFailed')}
        onRowClick={(c) => navigate(`/contracts/${c.contractId}`)}
      />
    </>
  );
}

/** M1 发票: the invoices recorded, newest first, by type. */
export function InvoicesList() {
  const { t } = useTranslation('receivables');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const list = useListPage({ name: 'invoice', filters: ['q', 'type'] });
  const type = list.text('type');
  const query = useInvoices({
    ...list.paging,
    q: list.text('q'),
    type: INVOICE_TYPES.includes(type as Invoice['type']) ? type : undefined,
  });
  const columns: ListColumn<Invoice>[] = [
    { key: 'number', title: t('fields.invoiceNumber'), width: 180, fixed: 'left', sortable: true, render: (_, i) => i.number },
    { key: 'issuedOn', title: t('fields.issuedOn'), width: 110, sortable: true, render: (_, i) => i.issuedOn },
    {
      key: 'contract',
      title: t('fields.contract'),
      width: 190,
      render: (_, i) => contractLink(i.contractId, i.contractNumber, i.contractTitle),
    },
    { key: 'customer', title: t('fields.customer'), width: 150, ellipsis: true, render: (_, i) => i.customerName },
    {
      key: 'type',
      title: t('fields.invoiceType'),
      width: 100,
      render: (_, i) => `${t(`invoiceTypeShort.${i.type}`)} ${Number(i.taxRate)}%`,
    },
    {
      key: 'amount',
      title: t('fields.amount'),
      width: 140,
      align: 'right',
      className: 'money',
      sortable: true,
      render: (_, i) => <strong>{formatMoney(i.amount)}</strong>,
    },
    {
      key: 'taxAmount',
      title: t('fields.taxAmount'),
      width: 120,
      align: 'right',
      className: 'money',
      render: (_, i) => formatMoney(i.taxAmount),
    },
    { key: 'action', title: '', width: 72, fixed: 'right', render: (_, i) => <InvoiceActions invoice={i} /> },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <ChoiceFilter
          list={list}
          name="type"
          placeholder={t('invoices.typeAll')}
          options={INVOICE_TYPES.map((v) => ({ value: v, label: t(`invoiceType.${v}`) }))}
          col={{ xs: 24, sm: 12, md: 8, xl: 5 }}
        />
        {list.filtered && (
          <Col>
            <Button onClick={list.clearFilters}>{tc('list.clearFilters')}</Button>
          </Col>
        )}
        {query.data && (
          <Col flex="auto" style={{ textAlign: 'right', alignSelf: 'center' }}>
            <Typography.Text type="secondary">{t('invoices.count', { total: query.data.total })}</Typography.Text>
          </Col>
        )}
      </Row>
      <ListTable<Invoice>
        list={list}
        query={query}
        columns={columns}
        defaultSort="-issuedOn"
        card={{ title: 'number', subtitle: ['issuedOn', 'contract', 'amount', 'type'], extra: 'action' }}
        empty={{ text: t('invoices.empty'), filteredText: t('invoices.emptyFiltered') }}
        errorTitle={t('invoices.loadFailed')}
        onRowClick={(i) => navigate(`/contracts/${i.contractId}`)}
      />
    </>
  );
}
