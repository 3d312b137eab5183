import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { companyToday, formatDay, isBusinessDate } from '../../shared/dates.js';
import { useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { DepartmentSelect } from '../organisation/public.js';
import { useTeamSummary } from './api.js';
import { DayPicker, earlier } from './day-picker.js';
import { DepartmentTable, RepTable, UntouchedTable } from './team-tables.js';

/** 团队日报 / 周报: the manager's team rolled up his department tree; who logged nothing and which key customers wait. */
export function TeamPage() {
  const { t, i18n } = useTranslation('dailyReports');
  const lp = useListParams();
  const today = companyToday();
  const raw = lp.text('day');
  const day = isBusinessDate(raw) && raw <= today ? raw : today;
  const period = lp.text('period') === 'week' ? 'week' : 'day';
  const departmentId = lp.text('departmentId');
  const { data, isLoading, isError, error } = useTeamSummary({ period, day, departmentId });
  const linkDay = data && period === 'week' ? earlier(data.lastDay, today) : day;

  return (
    <>
      <PageHeader
        title={t('team.title')}
        sub={t('team.subtitle')}
        extra={
          <Space wrap>
            <Segmented
              value={period}
              options={[
                { value: 'day', label: t('team.day') },
                { value: 'week', label: t('team.week') },
              ]}
              onChange={(v) => lp.update({ period: v === 'week' ? 'week' : undefined })}
              data-testid="team-period"
            />
            <DayPicker day={day} step={period === 'week' ? 7 : 1} onChange={(d) => lp.update({ day: d === today ? undefined : d })} />
            <DepartmentSelect
              value={departmentId}
              placeholder={t('team.allDepartments')}
              style={{ minWidth: 180 }}
              onChange={(v) => lp.update({ departmentId: v || undefined })}
            />
          </Space>
        }
      />
      {isError && (
        <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} style={{ marginBottom: 16 }} />
      )}
      {isLoading || !data ? (
        !isError && (
          <Card>
            <Skeleton active paragraph={{ rows: 10 }} />
          </Card>
        )
      ) : data.reps.length === 0 ? (
        <Card>
          <Empty description={t('team.empty')} />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {period === 'week'
              ? t('team.weekRange', { from: formatDay(data.firstDay, i18n.language), to: formatDay(data.lastDay, i18n.language) })
              : formatDay(data.firstDay, i18n.language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('team.needsAttention')} data-testid="team-attention" style={{ height: '100%' }}>
                <Typography.Text strong>{t('team.silent')}</Typography.Text>
                <div style={{ margin: '6px 0 12px' }} data-testid="team-silent">
                  {data.silent.length === 0 ? (
                    <Typography.Text type="secondary">{t('team.silentNone')}</Typography.Text>
                  ) : (
                    data.silent.map((s) => (
                      <Tag key={s.userId} color="red" style={{ marginBottom: 4 }}>
                        <Link to={`/daily-report?day=${linkDay}&userId=${s.userId}`}>{s.displayName}</Link>
                        {s.departmentName ? ` · ${s.departmentName}` : ''}
                      </Tag>
                    ))
                  )}
                </div>
                {data.needsAttention
                  .filter((n) => n.untouchedKeyCustomers > 0)
                  .map((n) => (
                    <Tag key={n.userId} color="orange" style={{ marginBottom: 4 }}>
                      {n.displayName}：{t('team.untouchedTag', { count: n.untouchedKeyCustomers })}
                    </Tag>
                  ))}
                {data.needsAttention
                  .filter((n) => n.unusualSections.length > 0)
                  .map((n) => (
                    <Tooltip key={`mix-${n.userId}`} title={t('team.unusualWhy')}>
                      <Tag color="purple" style={{ marginBottom: 4 }} data-testid="team-unusual">
                        {n.displayName}：
                        {t('team.unusualTag', {
                          sections: n.unusualSections.map((k) => data.sections.find((s) => s.key === k)?.title ?? k).join('、'),
                        })}
                      </Tag>
                    </Tooltip>
                  ))}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('team.untouchedTitle')} style={{ height: '100%' }}>
                <UntouchedTable summary={data} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('team.byDepartment')}>
            <DepartmentTable summary={data} />
          </Card>
          <Card size="small" title={t('team.byRep')}>
            <RepTable summary={data} linkDay={linkDay} />
          </Card>
        </Space>
      )}
    </>
  );
}
