import type { AttainmentReport, TargetType } from '@contracts/targets.js';
import { Card, Progress, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { companyMonth } from '../../shared/dates.js';
import { useAttainment } from './api.js';
import { targetValue } from './target-labels.js';

const attainmentLink = (r: Pick<AttainmentReport, 'type' | 'period'>, departmentId?: string) =>
  `/reports/attainment?${new URLSearchParams({ type: r.type, period: r.period, ...(departmentId ? { dept: departmentId } : {}) })}`;

/** The top row of an attainment report: actual, the rate against the time elapsed, target, gap, forecast. */
function AttainmentSummary({ data }: { data: AttainmentReport }) {
  const { t } = useTranslation('targets');
  const row = data.rows[0];
  if (!row) return <Typography.Text type="secondary">{t('attainment.empty')}</Typography.Text>;
  const rate = row.rate === null ? null : Number(row.rate);
  const behind = rate !== null && rate < 100 && rate < Number(data.elapsed);
  return (
    <>
      <Statistic title={row.kind === 'company' ? t('company') : row.name} valueRender={() => targetValue(data.type, row.actual)} />
      <Progress
        percent={rate === null ? 0 : Math.min(rate, 100)}
        success={{ percent: Math.min(Number(data.elapsed), 100), strokeColor: '#d9d9d9' }}
        status={behind ? 'exception' : rate !== null && rate >= 100 ? 'success' : 'normal'}
        format={() => (row.rate === null ? t('attainment.noTarget') : `${row.rate}%`)}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('attainment.elapsed', { pct: data.elapsed })} · {t('attainment.target')} {targetValue(data.type, row.target)} ·{' '}
        {t('attainment.gap')} {targetValue(data.type, row.gap)}
        {row.forecast !== null && ` · ${t('attainment.forecast')} ${targetValue(data.type, row.forecast)}`}
      </Typography.Text>
    </>
  );
}

/**
 * The caller's attainment in one card for any page to mount: the first row of the report in his
 * scope (himself, his department, or the company), linking to 目标达成 behind it. Absent (null)
 * without targets:view.
 */
export function AttainmentCard({
  type = 'signed_amount',
  period,
  departmentId,
}: {
  type?: TargetType;
  period?: string;
  departmentId?: string;
}) {
  const { t } = useTranslation('targets');
  const { can } = useAuth();
  const p = period ?? companyMonth();
  const { data, isLoading } = useAttainment({ type, period: p, departmentId }, can('targets', 'view'));
  if (!can('targets', 'view')) return null;
  return (
    <Card
      size="small"
      title={<Link to={attainmentLink({ type, period: p }, departmentId)}>{`${t('attainment.card')} · ${t(`types.${type}`)} · ${p}`}</Link>}
    >
      {isLoading || !data ? <Skeleton active paragraph={{ rows: 2 }} /> : <AttainmentSummary data={data} />}
    </Card>
  );
}

/** 工作台: this month's signed amount against target (server card 'target-attainment' in attainment-reports). */
export const attainmentDashboardCard = dashboardCard<AttainmentReport>({
  key: 'target-attainment',
  order: 6,
  size: 'medium',
  audience: 'both',
  permission: ['targets', 'view'],
  title: 'targets:attainment.dashboardTitle',
  link: (data) => attainmentLink(data),
  Component: AttainmentSummary,
});
