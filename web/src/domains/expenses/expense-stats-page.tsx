import { fen, formatFen } from '@contracts/quote-money.js';
import { Card, Col, DatePicker, Empty, Progress, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { addMonths, companyToday, dateFromPicker, dateToPicker } from '../../shared/dates.js';
import { ExportButton } from '../../shared/export-button.js';
import { LoadError } from '../../shared/filter-bar.js';
import { formatMoney } from '../../shared/format.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { PageHeader } from '../../shared/page-header.js';
import { PicklistSelect } from '../../shared/form-kit/index.js';
import { DepartmentSelect } from '../organisation/public.js';
import { type ExpenseReport, useExpenseReport } from './api.js';
import { MoneyBars, MonthLine, SharePie } from './expense-charts.js';
import { useCategoryLabel } from './expense-labels.js';

type ReportRow<K extends 'byCategory' | 'byOwner' | 'byCustomer' | 'byMonth'> = ExpenseReport[K][number];

const money = (v: string) => <span className="money">{formatMoney(v)}</span>;
const share = (v: number | null) =>
  v === null ? '—' : <Progress percent={v} size="small" format={(p) => `${p}%`} style={{ minWidth: 110, marginBottom: 0 }} />;

/** The twelve months up to today, by default (company time zone). */
const defaultRange = () => {
  const today = companyToday();
  return { from: `${addMonths(today.slice(0, 7), -11)}-01`, to: today };
};

/** M4 费用统计: approved claims by category (shares), by claimant, by customer and by month — charts, tables, 导出. */
export function ExpenseStatsPage() {
  const { t, i18n } = useTranslation('expenses');
  const { me } = useAuth();
  const category = useCategoryLabel();
  const [range, setRange] = useState(defaultRange);
  const [departmentId, setDepartmentId] = useState<string>();
  const [ownerId, setOwnerId] = useState<string>();
  const [cat, setCat] = useState<string>();
  const query = { from: range.from, to: range.to, departmentId, ownerId, category: cat };
  const { data, isFetching, isError, error, refetch } = useExpenseReport(query);
  const wide = me?.scope === 'department' || me?.scope === 'all';
  const avg = data && data.count > 0 ? formatFen(fen(data.total) / BigInt(data.count)) : '0.00';
  const empty = data && data.count === 0;

  const categoryColumns: ColumnsType<ReportRow<'byCategory'>> = [
    { key: 'category', title: t('stats.category'), render: (_, r) => category(r.category) },
    { key: 'amount', title: t('fields.amount'), align: 'right', render: (_, r) => money(r.amount) },
    { key: 'count', title: t('stats.count'), align: 'right', dataIndex: 'count' },
    { key: 'share', title: t('stats.share'), render: (_, r) => share(r.share) },
  ];
  const ownerColumns: ColumnsType<ReportRow<'byOwner'>> = [
    { key: 'owner', title: t('stats.owner'), dataIndex: 'ownerName' },
    { key: 'amount', title: t('fields.amount'), align: 'right', render: (_, r) => money(r.amount) },
    { key: 'count', title: t('stats.count'), align: 'right', dataIndex: 'count' },
    { key: 'share', title: t('stats.share'), render: (_, r) => share(r.share) },
  ];
  const customerColumns: ColumnsType<ReportRow<'byCustomer'>> = [
    { key: 'customer', title: t('stats.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
    { key: 'amount', title: t('fields.amount'), align: 'right', render: (_, r) => money(r.amount) },
    { key: 'count', title: t('stats.count'), align: 'right', dataIndex: 'count' },
    { key: 'share', title: t('stats.share'), render: (_, r) => share(r.share) },
  ];
  const monthColumns: ColumnsType<ReportRow<'byMonth'>> = [
    { key: 'month', title: t('stats.month'), dataIndex: 'month' },
    { key: 'amount', title: t('fields.amount'), align: 'right', render: (_, r) => money(r.amount) },
    { key: 'count', title: t('stats.count'), align: 'right', dataIndex: 'count' },
  ];
  const table = <T extends object>(rowKey: keyof T & string, columns: ColumnsType<T>, rows: T[] | undefined, testId: string) => (
    <Table<T>
      rowKey={rowKey}
      size="small"
      columns={columns}
      dataSource={rows}
      loading={isFetching}
      pagination={(rows?.length ?? 0) > 12 ? { pageSize: 12, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.empty')} /> }}
      data-testid={testId}
    />
  );
  const block = (title: string, chart: ReactNode, body: ReactNode) => (
    <Card variant="borderless" title={title} style={{ marginBottom: 16, height: 'calc(100% - 16px)' }}>
      {!empty && data && chart}
      {body}
    </Card>
  );

  return (
    <>
      <PageHeader title={t('stats.title')} sub={t('stats.subtitle')} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={10} xl={7}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              allowClear={false}
              value={[dateToPicker(range.from), dateToPicker(range.to)]}
              onChange={(r) => {
                const from = dateFromPicker(r?.[0]);
                const to = dateFromPicker(r?.[1]);
                if (from && to) setRange({ from, to });
              }}
              data-testid="expense-stats-period"
            />
          </Col>
          {wide && (
            <Col xs={24} sm={12} md={7} xl={4}>
              <DepartmentSelect
                placeholder={t('stats.department')}
                value={departmentId}
                onChange={setDepartmentId}
                style={{ width: '100%' }}
              />
            </Col>
          )}
          {wide && (
            <Col xs={24} sm={12} md={7} xl={4}>
              <OwnerSelect placeholder={t('stats.owner')} value={ownerId} onChange={setOwnerId} style={{ width: '100%' }} />
            </Col>
          )}
          <Col xs={24} sm={12} md={7} xl={4}>
            <PicklistSelect
              list="expense_category"
              placeholder={t('stats.category')}
              value={cat}
              onChange={setCat}
              style={{ width: '100%' }}
            />
          </Col>
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <ExportButton entity="report-expenses" module="expenses" action="view" path="/expense-reports/summary" params={query} />
          </Col>
        </Row>
      </Card>
      {isError && <LoadError title={t('stats.loadFailed')} error={error} onRetry={() => void refetch()} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          { key: 'total', title: t('stats.total'), value: data ? formatMoney(data.total) : '—' },
          { key: 'count', title: t('stats.count'), value: data ? String(data.count) : '—' },
          { key: 'avg', title: t('stats.avg'), value: data ? formatMoney(avg) : '—' },
        ].map((s) => (
          <Col xs={8} key={s.key}>
            <Card variant="borderless">
              <Statistic title={s.title} value={s.value} loading={!data && isFetching} data-testid={`expense-stats-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      {empty && (
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <Empty description={t('stats.empty')} />
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          {block(
            t('stats.byCategory'),
            <SharePie slices={(data?.byCategory ?? []).map((r) => ({ name: category(r.category), amount: r.amount, share: r.share }))} />,
            table('category', categoryColumns, data?.byCategory, 'expense-stats-categories'),
          )}
        </Col>
        <Col xs={24} xl={12}>
          {block(
            t('stats.byOwner'),
            <MoneyBars
              locale={i18n.language}
              height={Math.max(200, Math.min(12, data?.byOwner.length ?? 0) * 32 + 40)}
              items={(data?.byOwner ?? []).slice(0, 12).map((r) => ({ name: r.ownerName, amount: r.amount }))}
            />,
            table('ownerId', ownerColumns, data?.byOwner, 'expense-stats-owners'),
          )}
        </Col>
        <Col xs={24} xl={12}>
          {block(
            t('stats.byMonth'),
            <MonthLine
              locale={i18n.language}
              name={t('fields.amount')}
              months={(data?.byMonth ?? []).map((m) => ({ name: m.month, amount: m.amount }))}
            />,
            table('month', monthColumns, data?.byMonth, 'expense-stats-months'),
          )}
        </Col>
        <Col xs={24} xl={12}>
          {block(t('stats.byCustomer'), null, table('customerId', customerColumns, data?.byCustomer, 'expense-stats-customers'))}
        </Col>
      </Row>
    </>
  );
}
