import type { ListResult } from '@contracts/common.js';
import { Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { companyTime } from '../../shared/dates.js';
import type { Task } from './api.js';

/** The server's card: the open tasks due today (the 今天到期 tab) and how many are overdue. */
interface TodayTasks {
  today: ListResult<Task>;
  overdue: number;
}

const PRIORITY_COLOR = { urgent: 'red', high: 'orange', normal: undefined, low: undefined } as const;

function TodayTasksCard({ data }: { data: TodayTasks }) {
  const { t } = useTranslation('tasks');
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={12}>
          <Link to="/tasks?tab=today">
            <Statistic title={t('dashboard.dueToday')} value={data.today.total} />
          </Link>
        </Col>
        <Col span={12}>
          <Link to="/tasks?tab=overdue" data-testid="dashboard-tasks-overdue">
            <Statistic
              title={t('dashboard.overdue')}
              value={data.overdue}
              styles={{ content: { color: data.overdue ? '#cf1322' : undefined } }}
            />
          </Link>
        </Col>
      </Row>
      <List
        size="small"
        dataSource={data.today.items}
        locale={{ emptyText: t('dashboard.empty') }}
        renderItem={(task) => (
          <List.Item extra={task.dueAt && <Typography.Text type="secondary">{companyTime(task.dueAt)}</Typography.Text>}>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              <Link to={`/tasks?tab=today&focus=${task.id}`}>{task.title}</Link>
              {PRIORITY_COLOR[task.priority] && (
                <Tag color={PRIORITY_COLOR[task.priority]} style={{ marginInlineStart: 8 }}>
                  {t(`priority.${task.priority}`)}
                </Tag>
              )}
              {task.customerName && <Typography.Text type="secondary"> · {task.customerName}</Typography.Text>}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}

export const todayTasksCard = dashboardCard<TodayTasks>({
  key: 'today-tasks',
  order: 10,
  size: 'medium',
  audience: 'rep',
  permission: ['tasks', 'view'],
  title: 'tasks:dashboard.title',
  link: '/tasks?tab=today',
  Component: TodayTasksCard,
});
