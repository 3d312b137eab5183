import { Grid, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { formatWan } from '../../shared/format.js';
import type { ExpenseReport } from './api.js';
import { SharePie } from './expense-charts.js';
import { useCategoryLabel } from './expense-labels.js';

/** Approved expenses by category over the statistics page's default period (twelve months up to today). */
function ExpensesCard({ data }: { data: ExpenseReport }) {
  const { t, i18n } = useTranslation('expenses');
  const category = useCategoryLabel();
  const phone = !Grid.useBreakpoint().md;
  return (
    <>
      <Statistic title={t('dashboard.total', { from: data.from, to: data.to })} value={formatWan(data.total, i18n.language)} />
      {data.byCategory.length > 0 ? (
        <SharePie
          height={240}
          labels={!phone}
          slices={data.byCategory.map((c) => ({ name: category(c.category), amount: c.amount, share: c.share }))}
        />
      ) : (
        <Typography.Text type="secondary">{t('dashboard.empty')}</Typography.Text>
      )}
    </>
  );
}

export const expensesCard = dashboardCard<ExpenseReport>({
  key: 'expenses-by-category',
  order: 70,
  size: 'medium',
  audience: 'manager',
  permission: ['expenses', 'view'],
  title: 'expenses:dashboard.title',
  link: '/reports/expenses',
  Component: ExpensesCard,
});
