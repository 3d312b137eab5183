import { WarningFilled } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Grid, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { LoadError } from '../../shared/filter-bar.js';
import { PageHeader } from '../../shared/page-header.js';
import { reportPagination } from '../../shared/report-filters.js';
import { type FunnelReport, useFunnel } from './api.js';
import { StageFunnelChart } from './charts.js';
import { ReportDownload } from './report-download.js';
import { ReportFilters, useReportFilters, useStageLabel } from './report-filters.js';

type RepRow = FunnelReport['reps']['items'][number];
type Cell = RepRow['cells'][number];

/** A probability as a percentage a salesperson reads: 61%, 4.2%, 0.02%, < 0.01%. */
function percentText(p: number): string {
  const pct = p * 100;
  if (pct >= 10) return `${Math.round(pct)}%`;
  if (pct >= 1) return `${Number(pct.toFixed(1))}%`;
  if (pct >= 0.01) return `${Number(pct.toPrecision(1))}%`;
  return '< 0.01%';
}

/** O7: 漏斗分析 — each rep's share of open opportunities per stage beside the team's, gaps flagged. */
export function FunnelPage() {
  const { t } = useTranslation('pipelineReports');
  const phone = !Grid.useBreakpoint().md;
  const stageLabel = useStageLabel();
  const { me } = useAuth();
  const own = me?.scope === 'own';
  const { lp, filters, category } = useReportFilters();
  const rawPoints = Number(lp.text('points'));
  const points = lp.text('points') !== undefined && Number.isFinite(rawPoints) ? rawPoints : undefined;
  const selected = lp.text('rep');
  const query = { ...filters, category, deviationPoints: points, page: lp.page, pageSize: lp.pageSize };
  const { data, isFetching, isError, error, refetch } = useFunnel(query);

  const stages = data?.stages ?? [];
  const names = stages.map((s) => stageLabel(s.labels));
  const rep = data?.reps.items.find((r) => r.ownerId === selected) ?? data?.reps.items.find((r) => r.flags > 0);

  const confidence = data?.confidence ?? 95;
  const alpha = percentText(1 - confidence / 100);
  /** O7: the tooltip names both conditions with their numbers, so a flag (or its absence) can be believed. */
  const why = (c: Cell, n: number) => {
    const limit = data?.deviationPoints ?? 5;
    if (!c.outsidePoints) return t('funnel.withinPoints', { limit });
    const gap = t(c.deviation < 0 ? 'funnel.below' : 'funnel.above', { points: Math.abs(c.deviation), limit });
    const chance = t(c.unlikely ? 'funnel.unlikely' : 'funnel.chance', { n, p: percentText(c.pValue), alpha });
    return (
      <div data-testid="funnel-why">
        {c.flagged && <div style={{ fontWeight: 600 }}>{t('funnel.flaggedTitle')}</div>}
        <div>① {gap}</div>
        <div>② {chance}</div>
      </div>
    );
  };
  const cell = (c: Cell, n: number) => {
    const body = (
      <Space size={4} data-testid={c.flagged ? 'funnel-flag' : undefined}>
        <span className="money">{c.share}%</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ({c.count})
        </Typography.Text>
        {c.flagged && <WarningFilled style={{ color: '#ff4d4f' }} />}
      </Space>
    );
    return <Tooltip title={why(c, n)}>{body}</Tooltip>;
  };

  const columns: ColumnsType<RepRow> = [
    {
      key: 'owner',
      title: t('columns.owner'),
      fixed: phone ? undefined : 'left',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => lp.update({ rep: r.ownerId, page: lp.page })}>{r.ownerName}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('funnel.openCount', { count: r.openCount })}
          </Typography.Text>
        </Space>
      ),
    },
    ...stages.map((s, i) => ({
      key: s.stageId,
      title: (
        <Space orientation="vertical" size={0}>
          {names[i]}
          {!own && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('funnel.team', { share: data?.team.cells[i]?.share ?? 0, count: data?.team.cells[i]?.count ?? 0 })}
            </Typography.Text>
          )}
        </Space>
      ),
      align: 'right' as const,
      onCell: (r: RepRow) => (r.cells[i]?.flagged ? { style: { background: '#fff1f0' } } : {}),
      render: (_: unknown, r: RepRow) => cell(r.cells[i], r.openCount),
    })),
  ];

  return (
    <>
      <PageHeader title={t('funnel.title')} sub={t('funnel.subtitle')} />
      <Card>
        <ReportFilters pipeline="single" category>
          {!own && (
            <Col>
              <Space>
                <Typography.Text type="secondary">{t('funnel.points')}</Typography.Text>
                <InputNumber
                  min={0}
                  max={100}
                  step={1}
                  value={data?.deviationPoints ?? points}
                  onChange={(v) => lp.update({ points: v === null ? undefined : v })}
                  suffix={t('funnel.pointsUnit')}
                  style={{ width: 120 }}
                  data-testid="funnel-points"
                />
              </Space>
            </Col>
          )}
          <Col>
            <ReportDownload report="funnel" query={query} />
          </Col>
        </ReportFilters>
        {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
        {data && !data.pipelineId && <Alert type="info" showIcon title={t('noPipeline')} style={{ marginBottom: 16 }} />}

        {data && data.team.openCount > 0 && (
          <StageFunnelChart
            height={phone ? 260 : 320}
            sides={[
              {
                title: t(own ? 'funnel.mineTitle' : 'funnel.teamTitle', { count: data.team.openCount }),
                stages: data.team.cells.map((c, i) => ({ name: names[i], share: c.share, count: c.count })),
              },
              ...(rep && !phone && !own
                ? [
                    {
                      title: t('funnel.repTitle', { name: rep.ownerName, count: rep.openCount }),
                      stages: rep.cells.map((c, i) => ({ name: names[i], share: c.share, count: c.count, flagged: c.flagged })),
                    },
                  ]
                : []),
            ]}
          />
        )}

        <Table<RepRow>
          rowKey="ownerId"
          size="middle"
          columns={columns}
          dataSource={data?.reps.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.ownerId === rep?.ownerId ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('funnel.empty')} /> }}
          onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize })}
          pagination={reportPagination(lp, data?.reps.total)}
          style={{ marginTop: 16 }}
          data-testid="funnel-table"
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {t(own ? 'funnel.hintOwn' : 'funnel.hint', { points: data?.deviationPoints ?? 5, confidence, alpha })}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
