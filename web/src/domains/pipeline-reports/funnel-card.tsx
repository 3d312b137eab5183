import { FunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Col, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { formatMoney } from '../../shared/format.js';
import type { FunnelReport } from './api.js';
import { useStageLabel } from './report-filters.js';

echarts.use([FunnelChart, TooltipComponent, CanvasRenderer]);

const COLORS = ['#1677ff', '#4096ff', '#69b1ff', '#91caff', '#bae0ff', '#d6e4ff'];

/** The open deals of a stage: the opportunity list behind the funnel. */
export const stageList = (pipelineId: string | null, stageId: string) =>
  `/opportunities/list?${new URLSearchParams({ ...(pipelineId ? { pipelineId } : {}), stageId, status: 'open' })}`;

/**
 * The team's open deals per stage of the default pipeline, as a funnel; a click on a stage (in the
 * chart or the list) opens those deals. Below, the reps whose shares stray from the team's.
 */
function FunnelCard({ data }: { data: FunnelReport }) {
  const { t } = useTranslation('pipelineReports');
  const navigate = useNavigate();
  const stageLabel = useStageLabel();
  const stages = data.stages.map((s, i) => ({ ...s, name: stageLabel(s.labels), cell: data.team.cells[i] }));
  const option = {
    color: COLORS,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; data: { count: number; share: number } }) => `${p.name}：${p.data.count}（${p.data.share}%）`,
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        minSize: '18%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: (p: { name: string; data: { count: number } }) => `${p.name} ${p.data.count}` },
        // Width follows the stage's place in the funnel; the label carries the count.
        data: stages.map((s, j) => ({
          name: s.name,
          value: stages.length - j,
          count: s.cell?.count ?? 0,
          share: s.cell?.share ?? 0,
          stageId: s.stageId,
        })),
      },
    ],
  };
  const flagged = data.reps.items.filter((r) => r.flags > 0);
  return (
    <Row gutter={[16, 8]}>
      <Col xs={24} md={12}>
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          notMerge
          style={{ height: 240, width: '100%', cursor: 'pointer' }}
          onEvents={{ click: (p: { data: { stageId: string } }) => navigate(stageList(data.pipelineId, p.data.stageId)) }}
        />
      </Col>
      <Col xs={24} md={12}>
        <List
          size="small"
          dataSource={stages}
          locale={{ emptyText: t('noPipeline') }}
          renderItem={(s) => (
            <List.Item extra={<span className="money">{formatMoney(s.cell?.amount ?? '0')}</span>}>
              <span>
                <Link to={stageList(data.pipelineId, s.stageId)} data-testid={`funnel-stage-${s.stageId}`}>
                  {s.name}
                </Link>
                <Typography.Text type="secondary"> · {t('totals.count', { count: s.cell?.count ?? 0 })}</Typography.Text>
              </span>
            </List.Item>
          )}
        />
        {flagged.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('dashboard.attention')}</Typography.Text>{' '}
            {flagged.map((r) => (
              <Tag key={r.ownerId} color="red" style={{ marginTop: 4 }}>
                {r.ownerName} · {r.flags}
              </Tag>
            ))}
          </div>
        )}
      </Col>
    </Row>
  );
}

export const funnelCard = dashboardCard<FunnelReport>({
  key: 'funnel',
  order: 40,
  size: 'large',
  audience: 'manager',
  permission: ['opportunities', 'view'],
  title: 'pipelineReports:dashboard.funnel',
  link: '/reports/funnel',
  Component: FunnelCard,
});
