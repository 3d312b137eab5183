import { PROFIT_SORTS } from '@contracts/money-reports.js';
import { Card, Col, DatePicker, Empty, Row, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateFromPicker, dateToPicker, isBusinessDate } from '../../shared/dates.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { PAGE_SIZES, sortOrderOf, sortParamOf } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { type ContractProfit, type CustomerProfit, useContractProfit, useCustomerProfit } from './api.js';
import { ProfitBarChart } from './money-charts.js';
import { MoneyFilters, ReportDownload, useMoneyFilters } from './money-filters.js';

type Sort = (typeof PROFIT_SORTS)[number];
type Figures = { revenue: string; cost: string; expenses: string; profit: string; margin: string | null };
const money = (v: string) => <span className="money">{formatMoney(v)}</span>;
const CHART_ROWS = 10;

/** A loss in red, a thin margin (under 15 %) in orange, the rest green. */
function MarginTag({ margin }: { margin: string | null }) {
  if (margin === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const m = Number(margin);
  return (
    <Tag color={m < 0 ? 'red' : m < 15 ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
      {margin}%
    </Tag>
  );
}

/** M5 (seed 004: 费用控制和收益分析): 利润分析 — revenue − cost − expenses per customer and per contract, least profitable first. */
export function ProfitPage() {
  const { t } = useTranslation('moneyReports');
  const { lp, filters } = useMoneyFilters();
  const tab = lp.text('tab') === 'contracts' ? 'contracts' : 'customers';
  const rawFrom = lp.text('from');
  const rawTo = lp.text('to');
  const from = isBusinessDate(rawFrom) ? rawFrom : undefined;
  const to = isBusinessDate(rawTo) ? rawTo : undefined;
  const sort: Sort = (PROFIT_SORTS as readonly string[]).includes(lp.sort ?? '') ? (lp.sort as Sort) : 'profit';
  const query = { ...filters, from, to };
  return (
    <>
      <PageHeader title={t('profit.title')} sub={t('profit.subtitle')} />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 8 }} align="middle">
          <Col>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[dateToPicker(from), dateToPicker(to)]}
              onChange={(v) => lp.update({ from: dateFromPicker(v?.[0]) ?? undefined, to: dateFromPicker(v?.[1]) ?? undefined })}
              placeholder={[t('filters.period'), t('filters.period')]}
              aria-label={t('filters.period')}
              style={{ width: 260 }}
              data-testid="profit-period"
            />
          </Col>
          <MoneyFilters>
            <Col>
              <ReportDownload path={`profit/${tab}`} module="product_costs" query={{ ...query, sort }} />
            </Col>
          </MoneyFilters>
        </Row>
        <Tabs
          activeKey={tab}
          onChange={(k) => lp.update({ tab: k === 'customers' ? undefined : k, sort: undefined })}
          items={[
            {
              key: 'customers',
              label: t('profit.tabs.customers'),
              children: tab === 'customers' && <CustomerTab query={query} sort={sort} />,
            },
            {
              key: 'contracts',
              label: t('profit.tabs.contracts'),
              children: tab === 'contracts' && <ContractTab query={query} sort={sort} />,
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {t('profit.hint')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}

type TabProps = { query: Record<string, string | undefined>; sort: Sort };

function figureColumns<R extends Figures>(t: (k: string) => string, sort: Sort): ColumnsType<R> {
  const sortable = (key: 'revenue' | 'expenses' | 'profit' | 'margin') => ({ sorter: true, sortOrder: sortOrderOf(sort, key), key });
  return [
    { ...sortable('revenue'), title: t('profit.columns.revenue'), align: 'right', render: (_, r) => money(r.revenue) },
    { key: 'cost', title: t('profit.columns.cost'), align: 'right', render: (_, r) => money(r.cost) },
    { ...sortable('expenses'), title: t('profit.columns.expenses'), align: 'right', render: (_, r) => money(r.expenses) },
    {
      ...sortable('profit'),
      title: t('profit.columns.profit'),
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={Number(r.profit) < 0 ? 'danger' : undefined} strong>
          {money(r.profit)}
        </Typography.Text>
      ),
    },
    { ...sortable('margin'), title: t('profit.columns.margin'), align: 'right', render: (_, r) => <MarginTag margin={r.margin} /> },
  ];
}

/** The bottom and top ten by gross profit, side by side. */
function Charts<R extends Figures>({ bottom, top, name }: { bottom?: R[]; top?: R[]; name: (r: R) => string }) {
  const { t, i18n } = useTranslation('moneyReports');
  if (!bottom?.length) return null;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        <ProfitBarChart
          title={t('profit.chartBottom', { count: bottom.length })}
          locale={i18n.language}
          names={bottom.map(name)}
          values={bottom.map((r) => r.profit)}
        />
      </Col>
      <Col xs={24} lg={12}>
        <ProfitBarChart
          title={t('profit.chartTop', { count: top?.length ?? 0 })}
          locale={i18n.language}
          names={(top ?? []).map(name)}
          values={(top ?? []).map((r) => r.profit)}
        />
      </Col>
    </Row>
  );
}

function CustomerTab({ query, sort }: TabProps) {
  const { t } = useTranslation('moneyReports');
  const { lp } = useMoneyFilters();
  const list = useCustomerProfit({ ...query, sort, page: lp.page, pageSize: lp.pageSize });
  const bottom = useCustomerProfit({ ...query, sort: 'profit', pageSize: CHART_ROWS });
  const top = useCustomerProfit({ ...query, sort: '-profit', pageSize: CHART_ROWS });
  const columns: ColumnsType<CustomerProfit> = [
    {
      key: 'customer',
      title: t('profit.columns.customer'),
      fixed: 'left',
      render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
    },
    { key: 'contracts', title: t('profit.columns.contracts'), align: 'right', dataIndex: 'contracts', responsive: ['md'] },
    ...figureColumns<CustomerProfit>(t, sort),
  ];
  return (
    <ProfitTable<CustomerProfit>
      list={list}
      bottom={bottom.data?.items}
      top={top.data?.items}
      name={(r) => r.customerName}
      rowKey="customerId"
      columns={columns}
      testId="profit-customers-table"
    />
  );
}

function ContractTab({ query, sort }: TabProps) {
  const { t } = useTranslation('moneyReports');
  const { lp } = useMoneyFilters();
  const list = useContractProfit({ ...query, sort, page: lp.page, pageSize: lp.pageSize });
  const bottom = useContractProfit({ ...query, sort: 'profit', pageSize: CHART_ROWS });
  const top = useContractProfit({ ...query, sort: '-profit', pageSize: CHART_ROWS });
  const columns: ColumnsType<ContractProfit> = [
    {
      key: 'contract',
      title: t('profit.columns.contract'),
      fixed: 'left',
      render: (_, r) => (
        <div style={{ maxWidth: 260 }}>
          <Link to={`/contracts/${r.contractId}`}>{r.number}</Link>
          <Typography.Text type="secondary" ellipsis={{ tooltip: r.title }} style={{ display: 'block', fontSize: 12 }}>
            {r.title}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'customer',
      title: t('profit.columns.customer'),
      render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
    },
    { key: 'owner', title: t('profit.columns.owner'), dataIndex: 'ownerName', responsive: ['lg'] },
    { key: 'signDate', title: t('profit.columns.signDate'), dataIndex: 'signDate', responsive: ['lg'] },
    ...figureColumns<ContractProfit>(t, sort),
  ];
  return (
    <ProfitTable<ContractProfit>
      list={list}
      bottom={bottom.data?.items}
      top={top.data?.items}
      name={(r) => r.number}
      rowKey="contractId"
      columns={columns}
      testId="profit-contracts-table"
    />
  );
}

/** One tab's body, per customer or per contract: the least and most profitable as charts, the page as a table. */
function ProfitTable<R extends Figures>(props: {
  list: { data?: { items: R[]; total: number }; isFetching: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  bottom?: R[];
  top?: R[];
  name: (r: R) => string;
  rowKey: keyof R & string;
  columns: ColumnsType<R>;
  testId: string;
}) {
  const { t } = useTranslation('moneyReports');
  const { lp } = useMoneyFilters();
  const { data, isFetching, isError, error, refetch } = props.list;
  return (
    <>
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Charts bottom={props.bottom} top={props.top} name={props.name} />
      <Table<R>
        rowKey={props.rowKey}
        size="middle"
        columns={props.columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('profit.empty')} /> }}
        onChange={(p, _f, sorter) => lp.update({ page: p.current, pageSize: p.pageSize, sort: sortParamOf(sorter) })}
        pagination={{ current: lp.page, pageSize: lp.pageSize, total: data?.total, pageSizeOptions: PAGE_SIZES, showSizeChanger: true }}
        data-testid={props.testId}
      />
    </>
  );
}
