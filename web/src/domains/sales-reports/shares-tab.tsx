import { Col, Empty, Grid, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api-client.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import type { ProductShares } from './api.js';
import { Hint } from './report-hint.js';
import { SharePie, ShareTreemap } from './sales-charts.js';
import { SalesDownload } from './sales-filters.js';

type Product = ProductShares['products'][number];

/** 哪些产品占销售比重较大，哪些很小: categories as a ring, products in their categories as a treemap, the table below. */
export function SharesTab({ query, result }: { query: Query; result: UseQueryResult<ProductShares> }) {
  const { t, i18n } = useTranslation('salesReports');
  const phone = !Grid.useBreakpoint().md;
  const { data, isFetching, isError, error, refetch } = result;
  const categoryName = (id: string | null) => data?.categories.find((c) => c.categoryId === id)?.name ?? t('uncategorised');
  const columns: ColumnsType<Product> = [
    { key: 'code', title: t('columns.code'), dataIndex: 'code', responsive: ['md'] },
    { key: 'product', title: t('columns.product'), dataIndex: 'name' },
    { key: 'category', title: t('columns.category'), render: (_, p) => categoryName(p.categoryId), responsive: ['lg'] },
    { key: 'quantity', title: t('columns.quantity'), dataIndex: 'quantity', align: 'right', responsive: ['md'] },
    { key: 'amount', title: t('columns.amount'), align: 'right', render: (_, p) => <span className="money">{formatMoney(p.amount)}</span> },
    { key: 'share', title: t('columns.share'), align: 'right', render: (_, p) => `${p.share}%` },
  ];
  const groups = (data?.categories ?? []).map((c) => ({
    name: c.name ?? t('uncategorised'),
    children: (data?.products ?? []).filter((p) => p.categoryId === c.categoryId).map((p) => ({ name: p.name, value: p.amount })),
  }));
  return (
    <>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Row justify="space-between" align="middle" style={{ marginBottom: 12 }}>
        <Col>
          <Statistic title={t('shares.total')} value={formatMoney(data?.total ?? '0')} data-testid="sales-total" />
        </Col>
        <Col>
          <SalesDownload path="shares" query={query} />
        </Col>
      </Row>
      {data && data.products.length > 0 && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={10}>
            <SharePie
              heading={t('shares.byCategory')}
              height={phone ? 260 : 320}
              compact={phone}
              slices={data.categories.map((c) => ({ name: c.name ?? t('uncategorised'), value: c.amount }))}
            />
          </Col>
          <Col xs={24} lg={14}>
            <ShareTreemap heading={t('shares.byProduct')} height={phone ? 260 : 320} groups={groups} locale={i18n.language} />
          </Col>
        </Row>
      )}
      <Table<Product>
        rowKey="productId"
        size="middle"
        columns={columns}
        dataSource={data?.products}
        loading={isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('shares.empty')} /> }}
        data-testid="shares-table"
      />
      <Hint>{t('shares.hint')}</Hint>
    </>
  );
}
