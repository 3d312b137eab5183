import type { PRICE_GROUPS } from '@contracts/sales-reports.js';
import { Col, Empty, InputNumber, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api-client.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { reportPagination } from '../../shared/report-filters.js';
import { type PriceCandidates, usePriceCandidates } from './api.js';
import { Hint } from './report-hint.js';
import { SalesDownload, useSalesFilters } from './sales-filters.js';

type Item = PriceCandidates['items'][number];
type Group = (typeof PRICE_GROUPS)[number];
const money = (v: string) => <span className="money">{formatMoney(v)}</span>;
const percent = (v: number | null) => (v === null ? '—' : `${v}%`);

/** Seed 004: 列出可调价的产品清单，涉及哪些市场区域、哪些客户，调价的空间有多大. */
export function PriceCandidatesTab({ query }: { query: Query }) {
  const { t } = useTranslation('salesReports');
  const { lp } = useSalesFilters();
  const groupBy: Group = lp.text('group') === 'region' ? 'region' : 'customer';
  const number = (key: string, fallback: number) => {
    const v = Number(lp.text(key));
    return lp.text(key) !== undefined && Number.isFinite(v) ? v : fallback;
  };
  const minDiscount = number('minDiscount', 10);
  const minDrop = number('minDrop', 30);
  const full = { ...query, groupBy, minDiscount, minDrop };
  const { data, isFetching, isError, error, refetch } = usePriceCandidates({ ...full, page: lp.page, pageSize: lp.pageSize });
  const columns: ColumnsType<Item> = [
    { key: 'product', title: t('columns.product'), fixed: 'left', render: (_, i) => i.name },
    ...(groupBy === 'customer'
      ? [
          {
            key: 'customer',
            title: t('columns.customer'),
            render: (_: unknown, i: Item) => (i.customerId ? <Link to={`/customers/${i.customerId}`}>{i.customerName}</Link> : '—'),
          },
        ]
      : []),
    { key: 'region', title: t('columns.region'), render: (_, i) => i.region ?? t('noRegion') },
    { key: 'quantity', title: t('columns.quantity'), dataIndex: 'quantity', align: 'right', responsive: ['lg'] },
    { key: 'list', title: t('columns.listAmount'), align: 'right', responsive: ['md'], render: (_, i) => money(i.listAmount) },
    { key: 'amount', title: t('columns.realised'), align: 'right', render: (_, i) => money(i.amount) },
    { key: 'discount', title: t('columns.discount'), align: 'right', render: (_, i) => percent(i.discount) },
    {
      key: 'productDiscount',
      title: t('columns.productDiscount'),
      align: 'right',
      responsive: ['xl'],
      render: (_, i) => percent(i.productDiscount),
    },
    {
      key: 'room',
      title: t('columns.room'),
      align: 'right',
      render: (_, i) => <Typography.Text strong>{money(i.room)}</Typography.Text>,
    },
    { key: 'previous', title: t('columns.previous'), align: 'right', responsive: ['lg'], render: (_, i) => money(i.previousAmount) },
    {
      key: 'change',
      title: t('columns.change'),
      align: 'right',
      responsive: ['md'],
      render: (_, i) => (i.changePercent === null ? '—' : `${i.changePercent > 0 ? '+' : ''}${i.changePercent}%`),
    },
    {
      key: 'reasons',
      title: t('columns.reasons'),
      render: (_, i) => (
        <Space size={4}>
          {i.reasons.map((r) => (
            <Tag key={r} color={r === 'discount' ? 'orange' : 'red'} style={{ marginInlineEnd: 0 }}>
              {t(`price.reasons.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Row gutter={[12, 12]} align="middle" justify="space-between" style={{ marginBottom: 12 }}>
        <Col>
          <Space wrap>
            <Radio.Group
              optionType="button"
              value={groupBy}
              onChange={(e) => lp.update({ group: e.target.value === 'customer' ? undefined : e.target.value, page: undefined })}
              options={[
                { value: 'customer', label: t('price.byCustomer') },
                { value: 'region', label: t('price.byRegion') },
              ]}
            />
            <Typography.Text type="secondary">{t('price.minDiscount')}</Typography.Text>
            <InputNumber
              min={0}
              max={100}
              value={minDiscount}
              suffix="%"
              style={{ width: 96 }}
              onChange={(v) => lp.update({ minDiscount: v ?? undefined, page: undefined })}
            />
            <Typography.Text type="secondary">{t('price.minDrop')}</Typography.Text>
            <InputNumber
              min={0}
              max={100}
              value={minDrop}
              suffix="%"
              style={{ width: 96 }}
              onChange={(v) => lp.update({ minDrop: v ?? undefined, page: undefined })}
            />
          </Space>
        </Col>
        <Col>
          <SalesDownload path="price-candidates" query={full} />
        </Col>
      </Row>
      <Table<Item>
        rowKey={(i) => `${i.productId}:${i.customerId ?? i.region ?? ''}`}
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize })}
        pagination={reportPagination(lp, data?.total)}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('price.empty')} /> }}
        data-testid="price-table"
      />
      <Hint>{t('price.hint')}</Hint>
    </>
  );
}
