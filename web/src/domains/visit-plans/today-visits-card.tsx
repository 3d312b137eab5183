import { Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import type { VisitPlan } from './api.js';

const STATUS_COLOR = { planned: 'processing', done: 'success', missed: 'default' } as const;

/** The server's card: today's visit plans (the plan list for today). */
function TodayVisitsCard({ data }: { data: { items: VisitPlan[] } }) {
  const { t } = useTranslation('visitPlans');
  const done = data.items.filter((v) => v.status === 'done').length;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={12}>
          <Statistic title={t('dashboard.planned')} value={data.items.length} />
        </Col>
        <Col span={12}>
          <Statistic title={t('dashboard.done')} value={done} suffix={`/ ${data.items.length}`} />
        </Col>
      </Row>
      <List
        size="small"
        dataSource={data.items}
        locale={{ emptyText: t('dashboard.empty') }}
        renderItem={(v) => (
          <List.Item extra={<Tag color={STATUS_COLOR[v.status]}>{t(`status.${v.status}`)}</Tag>}>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              <Link to={`/customers/${v.customerId}`}>{v.customerName}</Link>
              {v.purpose && <Typography.Text type="secondary"> · {v.purpose}</Typography.Text>}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}

export const todayVisitsCard = dashboardCard<{ items: VisitPlan[] }>({
  key: 'today-visits',
  order: 20,
  size: 'medium',
  audience: 'rep',
  permission: ['visit_plans', 'view'],
  title: 'visitPlans:dashboard.title',
  link: '/visit-plans',
  Component: TodayVisitsCard,
});
