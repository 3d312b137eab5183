import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { formatMoney, formatWan } from '../../shared/format.js';
import type { LeaderboardReport } from './api.js';

const MEDAL = ['#faad14', '#8c8c8c', '#d46b08'];
const BAR = { height: 4, marginTop: 4, borderRadius: 2, background: 'linear-gradient(90deg, #1677ff, #69b1ff)' };

/** 本月签约排行: what each rep signed this month, best first, each with a bar against the best. */
function LeaderboardCard({ data }: { data: LeaderboardReport }) {
  const { t, i18n } = useTranslation('pipelineReports');
  const best = Number(data.items[0]?.wonAmount ?? 0);
  return (
    <>
      <Typography.Text type="secondary">
        {t('dashboard.leaderboardTotal', {
          amount: formatWan(data.total.wonAmount, i18n.language),
          count: data.total.wonCount,
          reps: data.total.reps,
        })}
      </Typography.Text>
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('dashboard.leaderboardEmpty') }}
        renderItem={(r) => (
          <List.Item extra={<span className="money">{formatMoney(r.wonAmount)}</span>}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <span style={{ display: 'inline-block', width: 20, fontWeight: 600, color: MEDAL[r.rank - 1] ?? '#bfbfbf' }}>{r.rank}</span>
              <Link to={`/opportunities/list?${new URLSearchParams({ ownerId: r.ownerId, status: 'won' })}`}>{r.ownerName}</Link>
              <Typography.Text type="secondary">
                {' '}
                · {r.departmentName ?? '—'} · {t('dashboard.deals', { count: r.wonCount })}
              </Typography.Text>
              <div style={{ ...BAR, width: `${best > 0 ? Math.max(2, (Number(r.wonAmount) / best) * 100) : 0}%` }} />
            </div>
          </List.Item>
        )}
      />
    </>
  );
}

export const leaderboardCard = dashboardCard<LeaderboardReport>({
  key: 'leaderboard',
  order: 50,
  size: 'medium',
  audience: 'manager',
  permission: ['opportunities', 'view'],
  title: 'pipelineReports:dashboard.leaderboard',
  link: '/reports/forecast',
  Component: LeaderboardCard,
});
