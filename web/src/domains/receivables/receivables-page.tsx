import { PlusOutlined } from '@ant-design/icons';
import { Button, Grid, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { PageHeader } from '../../shared/page-header.js';
import { ListCard } from '../../shared/list-kit/index.js';
import { PaymentFormDrawer } from './payment-form.js';
import { OverdueInstalmentsList, PaymentsList, UnpaidContractsList } from './receivable-lists.js';

export const RECEIVABLE_TABS = ['unpaid', 'overdue', 'payments'] as const;
export type ReceivableTab = (typeof RECEIVABLE_TABS)[number];

const pathOf = (tab: ReceivableTab) => (tab === 'unpaid' ? '/receivables' : `/receivables/${tab}`);

/** M1 回款管理: 未回款合同, 逾期回款 and 回款记录, one tab each (each its own URL, so its paging stays its own). */
export function ReceivablesPage({ tab }: { tab: ReceivableTab }) {
  const { t } = useTranslation('receivables');
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [paying, setPaying] = useState(false);
  return (
    <>
      <PageHeader
        title={t('page.title')}
        extra={
          can('receivables', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPaying(true)} data-testid="payment-new">
              {t('payments.record')}
            </Button>
          )
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
        {tab === 'payments' && <PaymentsList />}
      </ListCard>
      <PaymentFormDrawer open={paying} onClose={() => setPaying(false)} />
    </>
  );
}
