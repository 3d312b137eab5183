import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Grid, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { PageHeader } from '../../shared/page-header.js';
import { ListCard } from '../../shared/list-kit/index.js';
import { InvoicesList, UninvoicedContractsList } from './invoice-lists.js';
import { InvoiceFormModal } from './invoice-form.js';
import { PaymentFormDrawer } from './payment-form.js';
import { OverdueInstalmentsList, PaymentsList, UnpaidContractsList } from './receivable-lists.js';

export const RECEIVABLE_TABS = ['unpaid', 'overdue', 'uninvoiced', 'payments', 'invoices'] as const;
export type ReceivableTab = (typeof RECEIVABLE_TABS)[number];

const pathOf = (tab: ReceivableTab) => (tab === 'unpaid' ? '/receivables' : `/receivables/${tab}`);

/** M1 回款管理: 未回款合同, 逾期回款, 未开票合同, 回款记录 and 发票, one tab each (each its own URL, so its paging stays its own). */
export function ReceivablesPage({ tab }: { tab: ReceivableTab }) {
  const { t } = useTranslation('receivables');
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [paying, setPaying] = useState(false);
  const [invoicing, setInvoicing] = useState(false);
  return (
    <>
      <PageHeader
        title={t('page.title')}
        extra={
          <Space wrap>
            {can('receivables', 'edit') && (
              <Button icon={<FileTextOutlined />} onClick={() => setInvoicing(true)} data-testid="invoice-new">
                {t('invoices.issue')}
              </Button>
            )}
            {can('receivables', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setPaying(true)} data-testid="payment-new">
                {t('payments.record')}
              </Button>
            )}
          </Space>
        }
      />
      <ListCard tabs>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(pathOf(key as ReceivableTab))}
          items={RECEIVABLE_TABS.map((key) => ({ key, label: t(`page.${key}`) }))}
          tabBarGutter={phone ? 20 : undefined}
          data-testid="receivable-tabs"
        />
        {tab === 'unpaid' && <UnpaidContractsList />}
        {tab === 'overdue' && <OverdueInstalmentsList />}
        {tab === 'uninvoiced' && <UninvoicedContractsList />}
        {tab === 'payments' && <PaymentsList />}
        {tab === 'invoices' && <InvoicesList />}
      </ListCard>
      <PaymentFormDrawer open={paying} onClose={() => setPaying(false)} />
      <InvoiceFormModal open={invoicing} onClose={() => setInvoicing(false)} />
    </>
  );
}
