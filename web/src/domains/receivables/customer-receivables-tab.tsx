import { LIMITS } from '@contracts/common.js';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TabRecord } from '../../app/record-tabs.js';
import { type Invoice, type Payment, type UnpaidContract, useInvoices, usePayments, useUnpaidContracts } from './api.js';
import { invoiceColumns, paymentColumns, TabTable, unpaidColumns } from './receivable-columns.js';

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
      <TabTable<UnpaidContract>
        rowKey="contractId"
        query={unpaid}
        columns={unpaidColumns(t)}
        empty={t('customer.allPaid')}
        testId="customer-unpaid"
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('customer.payments')}
      </Typography.Title>
      <TabTable<Payment>
        rowKey="id"
        query={payments}
        columns={paymentColumns(t, { withContract: true })}
        empty={t('tab.noPayments')}
        testId="customer-payments"
      />
      {payments.data && payments.data.total > RECENT && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('customer.more', { shown: RECENT, total: payments.data.total })}
        </Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('customer.invoices')}
      </Typography.Title>
      <TabTable<Invoice>
        rowKey="id"
        query={invoices}
        columns={invoiceColumns(t, { withContract: true })}
        empty={t('invoices.none')}
        testId="customer-invoices"
      />
    </div>
  );
}
