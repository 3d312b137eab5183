import { Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { TIMELINESS_CHECKS } from '@contracts/data-timeliness.js';
import { useTranslation } from 'react-i18next';
import type { TimelinessReport } from '@contracts/data-timeliness.js';
import type { Query } from '../../app/api-client.js';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { useTimeliness } from './api.js';
import { Ratio, ScoreDial, ScoreTag } from './score.js';

/** The team's score, the four checks and the reps with most to catch up (the report's first page). */
function TimelinessSummary({ data }: { data: TimelinessReport }) {
  const { t } = useTranslation('dataTimeliness');
  return (
    <>
      <Row gutter={16} align="middle">
        <Col flex="120px" style={{ textAlign: 'center' }}>
          <ScoreDial score={data.team.score} size={100} />
        </Col>
        <Col flex="auto">
          {TIMELINESS_CHECKS.map((c) => (
            <Row key={c} justify="space-between">
              <Typography.Text type="secondary">{t(`checks.${c}`)}</Typography.Text>
              <Ratio f={data.team[c]} />
            </Row>
          ))}
        </Col>
      </Row>
      {data.reps.items.length > 1 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('card.worst')}</Typography.Text>}
          dataSource={data.reps.items}
          renderItem={(r) => (
            <List.Item extra={<ScoreTag score={r.score} />}>
              <Link to={`/reports/data-timeliness?owner=${r.ownerId}`}>{r.ownerName}</Link>
            </List.Item>
          )}
          style={{ marginTop: 8 }}
        />
      )}
    </>
  );
}

/**
 * T7: the 数据及时性 card for any page — each figure the same endpoint's as the page
 * (/reports/data-timeliness) it links to.
 */
export function TimelinessCard({ query = {}, worst = 5 }: { query?: Query; worst?: number }) {
  const { t } = useTranslation('dataTimeliness');
  const { data, isLoading } = useTimeliness({ ...query, page: 1, pageSize: worst });
  return (
    <Card
      title={t('card.title')}
      extra={<Link to="/reports/data-timeliness">{t('card.more')}</Link>}
      loading={isLoading}
      data-testid="timeliness-card"
    >
      {data && <TimelinessSummary data={data} />}
    </Card>
  );
}

/** 工作台 (T4): the manager's card, figures from the server card 'data-timeliness'. */
export const timelinessDashboardCard = dashboardCard<TimelinessReport>({
  key: 'data-timeliness',
  order: 95,
  size: 'medium',
  audience: 'manager',
  permission: ['opportunities', 'view'],
  title: 'dataTimeliness:card.title',
  link: '/reports/data-timeliness',
  Component: TimelinessSummary,
});
