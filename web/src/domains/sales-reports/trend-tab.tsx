import { Col, Empty, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api-client.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { type ProductTrend, useProductTrend } from './api.js';
import { Hint } from './report-hint.js';
import { PeriodBars } from './sales-charts.js';
import { SalesDownload } from './sales-filters.js';

type Item = ProductTrend['best'][number];

/** 畅销和滞销产品, each against the previous period of the same length. */
export function TrendTab({ query }: { query: Query }) {
  const { t, i18n } = useTranslation('salesReports');
  const { data, isFetching, isError, error, refetch } = useProductTrend({ ...query, limit: 10 });
  const change = (i: Item) => {
    if (i.changePercent === null) {
      return Number(i.amount) > 0 ? <Typography.Text type="success">{t('trend.newThisPeriod')}</Typography.Text> : '—';
    }
    const up = i.changePercent >= 0;
    return (
      <Typography.Text type={up ? 'success' : 'danger'}>
        {up ? '+' : ''}
        {i.changePercent}%
      </Typography.Text>
    );
  };
  const columns: ColumnsType<Item> = [
    { key: 'product', title: t('columns.product'), render: (_, i) => i.name },
    { key: 'category', title: t('columns.category'), render: (_, i) => i.categoryName ?? t('uncategorised'), responsive: ['lg'] },
    { key: 'amount', title: t('trend.current'), align: 'right', render: (_, i) => <span className="money">{formatMoney(i.amount)}</span> },
    {
      key: 'previous',
      title: t('trend.previous'),
      align: 'right',
      responsive: ['md'],
      render: (_, i) => <span className="money">{formatMoney(i.previousAmount)}</span>,
    },
    { key: 'change', title: t('columns.change'), align: 'right', render: (_, i) => change(i) },
  ];
  const block = (key: 'best' | 'slow', items: Item[] | undefined, color: string) => (
    <Col xs={24} xl={12}>
      {items && items.length > 0 && (
        <PeriodBars
          heading={key === 'best' ? t('trend.best', { count: items.length }) : t('trend.slow')}
          names={items.map((i) => i.name)}
          current={items.map((i) => i.amount)}
          previous={items.map((i) => i.previousAmount)}
          labels={[t('trend.current'), t('trend.previous')]}
          color={color}
          locale={i18n.language}
        />
      )}
      <Table<Item>
        rowKey="productId"
        size="small"
        columns={columns}
        dataSource={items}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: isFetching ? <div style={{ height: 60 }} /> : <Empty description={t('trend.empty')} /> }}
        data-testid={`trend-${key}`}
      />
    </Col>
  );
  return (
    <>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Row justify="space-between" align="middle" style={{ marginBottom: 12 }}>
        <Col>
          {data && (
            <Typography.Text type="secondary">
              {t('trend.period', { from: data.from, to: data.to, previousFrom: data.previousFrom, previousTo: data.previousTo })}
            </Typography.Text>
          )}
        </Col>
        <Col>
          <SalesDownload path="trend" query={query} />
        </Col>
      </Row>
      <Row gutter={[24, 24]}>
        {block('best', data?.best, '#1677ff')}
        {block('slow', data?.slow, '#fa8c16')}
      </Row>
      <Hint>{t('trend.hint')}</Hint>
    </>
  );
}
