import type { ListResult } from '@contracts/common.js';
import { List, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { GradeTag } from '../customers/public.js';
import type { DueCustomer } from './api.js';
import { DueTag } from './due-customers-page.js';

/** The server's card: key customers due for a follow-up today or overdue (the 待跟进客户 list). */
function DueFollowUpsCard({ data }: { data: ListResult<DueCustomer> }) {
  const { t } = useTranslation('followUps');
  const grade = usePicklist('customer_grade');
  return (
    <>
      <Statistic title={t('dashboard.count')} value={data.total} style={{ marginBottom: 8 }} />
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('due.empty') }}
        renderItem={(c) => (
          <List.Item extra={<DueTag overdueDays={c.overdueDays} />}>
            <Space size={6} style={{ minWidth: 0 }}>
              <Typography.Text ellipsis>
                <Link to={`/customers/${c.id}`}>{c.name}</Link>
              </Typography.Text>
              {c.grade && <GradeTag grade={c.grade} label={grade.label(c.grade)} />}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

export const dueFollowUpsCard = dashboardCard<ListResult<DueCustomer>>({
  key: 'due-follow-ups',
  order: 22,
  size: 'medium',
  audience: 'rep',
  permission: ['customers', 'view'],
  title: 'followUps:dashboard.title',
  link: '/follow-ups/due',
  Component: DueFollowUpsCard,
});
