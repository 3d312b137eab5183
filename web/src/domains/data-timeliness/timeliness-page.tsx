import { TIMELINESS_CHECKS } from '@contracts/data-timeliness.js';
import { Card, Col, Empty, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { ExportButton } from '../../shared/export-button.js';
import { LoadError } from '../../shared/filter-bar.js';
import { PAGE_SIZES, useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { ClearFiltersCol } from '../../shared/report-filters.js';
import { TeamFilterCols } from '../organisation/public.js';
import { type TimelinessReport, useTimeliness } from './api.js';
import { Ratio, ScoreDial, ScoreTag } from './score.js';
import { ScoreChart } from './score-chart.js';
import { TimelinessFixesCard } from './timeliness-fixes.js';
import { TimelinessSettingsButton } from './timeliness-settings.js';

type Rep = TimelinessReport['reps']['items'][number];

/** T7 (seed 000: 数据的准确和及时是精细化控制的基础): 数据及时性 — a score per rep, the worst first, and the rows to fix. */
export function TimelinessPage() {
  const { t } = useTranslation('dataTimeliness');
  const { me } = useAuth();
  const lp = useListParams();
  const team = me?.scope !== 'own';
  const isAdmin = me?.permissions.includes('*') ?? false;
  const filters = { departmentId: lp.text('dept'), ownerId: lp.text('owner') };
  const { data, isFetching, isError, error, refetch } = useTimeliness({ ...filters, page: lp.text('repPage') ?? 1, pageSize: 50 });
  const days = (check: string) => (check === 'stale' ? data?.settings.staleDays : data?.settings.lateDays);
  const head = (check: (typeof TIMELINESS_CHECKS)[number]) => (
    <Tooltip title={t(`checkHints.${check}`, { days: days(check) })}>{t(`checks.${check}`)}</Tooltip>
  );
  const columns: ColumnsType<Rep> = [
    {
      key: 'owner',
      title: t('columns.owner'),
      render: (_, r) => <Typography.Link onClick={() => lp.update({ owner: r.ownerId, page: undefined })}>{r.ownerName}</Typography.Link>,
    },
    { key: 'score', title: t('columns.score'), align: 'center', render: (_, r) => <ScoreTag score={r.score} /> },
    ...TIMELINESS_CHECKS.map((c) => ({
      key: c,
      title: head(c),
      align: 'right' as const,
      render: (_: unknown, r: Rep) => <Ratio f={r[c]} />,
    })),
  ];
  const scored = (data?.reps.items ?? []).filter((r) => r.score !== null).map((r) => ({ name: r.ownerName, score: r.score as number }));
  const params = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v]));

  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('subtitle')}
        extra={
          <Space>
            <ExportButton
              entity="report-data-timeliness"
              module="opportunities"
              action="view"
              path="/reports/data-timeliness"
              params={params}
            />
            {isAdmin && <TimelinessSettingsButton settings={data?.settings} />}
          </Space>
        }
      />
      {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
      {team && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <TeamFilterCols lp={lp} ns="dataTimeliness" />
          <ClearFiltersCol lp={lp} keys={['dept', 'owner']} active={Boolean(filters.departmentId || filters.ownerId)} />
        </Row>
      )}
      <Card loading={!data && isFetching}>
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} md={6} style={{ textAlign: 'center' }} data-testid="timeliness-team-score">
            <ScoreDial score={data?.team.score ?? null} />
            <div>
              <Typography.Text type="secondary">{t('team')}</Typography.Text>
            </div>
          </Col>
          {TIMELINESS_CHECKS.map((c) => (
            <Col key={c} xs={12} md={4} xl={4}>
              <Statistic
                title={head(c)}
                value={data?.team[c].bad ?? 0}
                suffix={
                  <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                    / {data?.team[c].total ?? 0}
                  </Typography.Text>
                }
                styles={{ content: { color: (data?.team[c].bad ?? 0) > 0 ? '#cf1322' : undefined } }}
              />
            </Col>
          ))}
        </Row>
        {team && scored.length > 1 && (
          <div style={{ marginTop: 16 }}>
            <ScoreChart heading={t('chart')} reps={scored.slice(0, 15)} />
          </div>
        )}
        <Table<Rep>
          rowKey="ownerId"
          size="middle"
          columns={columns}
          dataSource={data?.reps.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          style={{ marginTop: 16 }}
          onChange={(p) => lp.update({ repPage: p.current })}
          pagination={{
            current: data?.reps.page,
            pageSize: 50,
            total: data?.reps.total,
            pageSizeOptions: PAGE_SIZES,
            hideOnSinglePage: true,
          }}
          locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty /> }}
          data-testid="timeliness-reps"
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {t('hint')}
        </Typography.Paragraph>
      </Card>
      <TimelinessFixesCard query={filters} />
    </>
  );
}
