import { LIMITS } from '@contracts/common.js';
import { Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TabRecord } from '../../app/record-tabs.js';
import { type Invoice, type Payment, type UnpaidContract, useInvoices, usePayments, useUnpaidContracts } from './api.js';
import { invoiceColumns, paymentColumns, unpaidColumns } from './receivable-columns.js';

const RECENT = 10;

/**
 * M1: the customer's 回款 tab — its contracts not yet fully paid (the unpaid list filtered by the
 * customer on the server), then the latest payments and invoices on all of its contracts.
 */
export function CustomerReceivablesTab({ record }: { record: TabRecord }) {
  const { t } = useTranslation('receivables');
  const unpaid = useUnpaidContracts({ customerId: record.id, pageSize: LIMITS.pageSizeMax });
  const payments = usePayments({ customerId: record.id, pageSize: RECENT, sort: '-receivedOn' });
  const invoices = useInvoices({ customerId: record.id, pageSize: RECENT, sort: '-issuedOn' });

  return (
    <div data-testid="customer-receivables">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('customer.unpaid')}
      </Typography.Title>
      <Table<UnpaidContract>
        rowKey="contractId"
        size="small"
        loading={unpaid.isLoading}
        columns={unpaidColumns(t)}
        dataSource={unpaid.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.allPaid')} /> }}
        data-testid="customer-unpaid"
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('customer.payments')}
      </Typography.Title>
      <Table<Payment>
        rowKey="id"
        size="small"
        loading={payments.isLoading}
        columns={paymentColumns(t, { withContract: true })}
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
        columns={invoiceColumns(t, { withContract: true })}
        dataSource={invoices.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invoices.none')} /> }}
        data-testid="customer-invoices"
      />
    </div>
  );
}
