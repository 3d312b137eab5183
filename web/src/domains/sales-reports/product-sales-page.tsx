import { Card, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/page-header.js';
import { useProductShares } from './api.js';
import { PriceCandidatesTab } from './price-candidates-tab.js';
import { SalesFilters, useSalesFilters } from './sales-filters.js';
import { SharesTab } from './shares-tab.js';
import { TrendTab } from './trend-tab.js';

const TABS = ['shares', 'trend', 'price'] as const;
type Tab = (typeof TABS)[number];

/** T5 (seed 004): 产品销售分析 — shares, best and slow sellers, price-change candidates, one period and filter bar for all three. */
export function ProductSalesPage() {
  const { t } = useTranslation('salesReports');
  const { lp, filters } = useSalesFilters();
  const tab: Tab = (TABS as readonly string[]).includes(lp.text('tab') ?? '') ? (lp.text('tab') as Tab) : 'shares';
  // The shares answer carries the period the server chose, so the picker shows it before one is picked.
  const shares = useProductShares(filters);
  return (
    <>
      <PageHeader title={t('title')} sub={t('subtitle')} />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 8 }} align="middle">
          <SalesFilters shown={shares.data} />
        </Row>
        <Tabs
          activeKey={tab}
          onChange={(k) => lp.update({ tab: k === 'shares' ? undefined : k, page: undefined })}
          items={[
            { key: 'shares', label: t('tabs.shares'), children: tab === 'shares' && <SharesTab query={filters} result={shares} /> },
            { key: 'trend', label: t('tabs.trend'), children: tab === 'trend' && <TrendTab query={filters} /> },
            { key: 'price', label: t('tabs.price'), children: tab === 'price' && <PriceCandidatesTab query={filters} /> },
          ]}
        />
      </Card>
    </>
  );
}
