import type { TargetType } from '@contracts/targets.js';
import { Card, Progress, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { companyMonth } from '../../shared/dates.js';
import { useAttainment } from './api.js';
import { targetValue } from './target-labels.js';

/**
 * The caller's attainment in one card, for the home dashboard (工作台) to mount: the first row of the
 * report in his scope (himself, his department, or the company), linking to 目标达成 behind it.
 * Absent (null) without targets:view, as dashboard cards a role cannot see are.
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
  const row = data?.rows[0];
  const link = `/reports/attainment?${new URLSearchParams({ type, period: p, ...(departmentId ? { dept: departmentId } : {}) })}`;
  return (
    <Card size="small" title={<Link to={link}>{`${t('attainment.card')} · ${t(`types.${type}`)} · ${p}`}</Link>}>
      {isLoading || !row ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <Statistic title={row.kind === 'company' ? t('company') : row.name} valueRender={() => targetValue(type, row.actual)} />
          <Progress
            percent={row.rate === null ? 0 : Math.min(Number(row.rate), 100)}
            format={() => (row.rate === null ? t('attainment.noTarget') : `${row.rate}%`)}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attainment.target')} {targetValue(type, row.target)} · {t('attainment.gap')} {targetValue(type, row.gap)}
            {row.forecast !== null && ` · ${t('attainment.forecast')} ${targetValue(type, row.forecast)}`}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
