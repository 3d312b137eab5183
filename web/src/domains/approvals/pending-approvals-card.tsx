import { List, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { formatDate } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import type { ApprovalList } from './api.js';

/** 待我审批: how many wait on me, the latest five (the inbox's first tab). */
function PendingApprovalsCard({ data }: { data: ApprovalList }) {
  const { t, i18n } = useTranslation('approvals');
  return (
    <>
      <Link to="/approvals">
        <Statistic
          title={t('dashboard.count')}
          value={data.todoCount}
          styles={{ content: { color: data.todoCount ? '#d46b08' : undefined } }}
          style={{ marginBottom: 8 }}
        />
      </Link>
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('dashboard.empty') }}
        renderItem={(r) => (
          <List.Item extra={r.amount && <span className="money">{formatMoney(r.amount)}</span>}>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              <Link to={`/approvals/${r.id}`}>{r.title}</Link>
              <Typography.Text type="secondary">
                {' '}
                · {r.documentLabel} · {r.submitter.name}
                {r.waitingSince && ` · ${formatDate(r.waitingSince, i18n.language)}`}
              </Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}

export const pendingApprovalsCard = dashboardCard<ApprovalList>({
  key: 'pending-approvals',
  order: 8,
  size: 'medium',
  audience: 'manager',
  title: 'approvals:dashboard.title',
  link: '/approvals',
  Component: PendingApprovalsCard,
});
