import { Alert, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyToday, formatDateTime, formatDay, isBusinessDate } from '../../shared/dates.js';
import { useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { useDailyDay } from './api.js';
import { DayPicker } from './day-picker.js';
import { DaySections } from './day-sections.js';
import { NotesEditor } from './notes-editor.js';
import './daily-reports.css';

/** T3 销售日报: my day (or, from the team report, one rep's day), the comment and tomorrow's plan beside it. */
export function MyDayPage() {
  const { t, i18n } = useTranslation('dailyReports');
  const lp = useListParams();
  const today = companyToday();
  const raw = lp.text('day');
  const day = isBusinessDate(raw) && raw <= today ? raw : today;
  const userId = lp.text('userId');
  const { data, isLoading, isError, error } = useDailyDay(day, userId);
  const other = !!userId && data && data.user.id === userId && !data.editable && data.user.displayName;

  return (
    <>
      <PageHeader
        title={other ? t('mine.of', { name: data.user.displayName }) : t('mine.title')}
        sub={t('mine.subtitle')}
        extra={<DayPicker day={day} onChange={(d) => lp.update({ day: d === today ? undefined : d })} />}
      />
      {isError && (
        <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} style={{ marginBottom: 16 }} />
      )}
      {isLoading || !data ? (
        !isError && (
          <Card>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        )
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card
              title={
                <Space wrap>
                  <span>{formatDay(data.day, i18n.language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}</span>
                  {data.user.departmentName && (
                    <Typography.Text type="secondary">{`${data.user.displayName} · ${data.user.departmentName}`}</Typography.Text>
                  )}
                </Space>
              }
              extra={
                data.deliveredAt ? (
                  <Tag color="green">{t('mine.delivered', { time: formatDateTime(data.deliveredAt, i18n.language) })}</Tag>
                ) : (
                  <Tag>{t('mine.notDelivered')}</Tag>
                )
              }
            >
              {data.sections.every((s) => s.count === 0) ? (
                <Empty
                  description={
                    <span>
                      {t('mine.nothing')}
                      <br />
                      <Typography.Text type="secondary">{t('mine.nothingHint')}</Typography.Text>
                    </span>
                  }
                />
              ) : (
                <>
                  <Typography.Paragraph strong data-testid="daily-activity">
                    {data.activityCount > 0 ? t('mine.activity', { count: data.activityCount }) : t('mine.nothing')}
                  </Typography.Paragraph>
                  <DaySections sections={data.sections} />
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <NotesEditor report={data} />
          </Col>
        </Row>
      )}
    </>
  );
}
