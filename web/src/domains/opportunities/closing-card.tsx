import type { ListResult } from '@contracts/common.js';
import { List, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { companyMonth } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import type { Opportunity } from './api.js';
import { useStageLabel } from './stage-label.js';

const closingList = () => `/opportunities/list?closeMonth=${companyMonth()}&status=open&sort=expectedCloseDate`;

/** The server's card: open deals expected to close this month, soonest first (the opportunity list, same filters). */
function ClosingCard({ data }: { data: ListResult<Opportunity> }) {
  const { t } = useTranslation('opportunities');
  const stageLabel = useStageLabel();
  return (
    <>
      <Statistic title={t('dashboard.count')} value={data.total} style={{ marginBottom: 8 }} />
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('dashboard.empty') }}
        renderItem={(o) => (
          <List.Item extra={<span className="money">{formatMoney(o.amount)}</span>}>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              <Link to={`/opportunities/${o.id}`}>{o.name}</Link>
              <Tag style={{ marginInlineStart: 8 }}>{stageLabel(o.stage.labels)}</Tag>
              <Typography.Text type="secondary">{o.expectedCloseDate?.slice(5)}</Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}

export const closingCard = dashboardCard<ListResult<Opportunity>>({
  key: 'closing-this-month',
  order: 24,
  size: 'medium',
  audience: 'rep',
  permission: ['opportunities', 'view'],
  title: 'opportunities:dashboard.title',
  link: closingList,
  Component: ClosingCard,
});
