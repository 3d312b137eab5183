import { ArrowUpOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { AttainmentRow, TargetType } from '@contracts/targets.js';
import { Button, Card, Empty, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyMonth } from '../../shared/dates.js';
import { ExportButton } from '../../shared/export-button.js';
import { LoadError } from '../../shared/filter-bar.js';
import { useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { useAttainment } from './api.js';
import { AttainmentChart } from './attainment-chart.js';
import { PeriodPicker } from './attainment-period.js';
import { DimensionKindSelect, DimensionValueInput } from './dimension-fields.js';
import { TypeSelect, targetValue } from './target-labels.js';

type Row = AttainmentRow & { label: string };

/** A rate as a bar: green once reached, orange behind the time elapsed, red far behind. */
export function RateBar({ rate, elapsed }: { rate: string | null; elapsed: string }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const r = Number(rate);
  const color = r >= 100 ? '#52c41a' : r >= Number(elapsed) ? '#1677ff' : r >= Number(elapsed) / 2 ? '#fa8c16' : '#f5222d';
  return (
    <Space size={6} style={{ minWidth: 150 }}>
      <Progress percent={Math.min(r, 100)} showInfo={false} strokeColor={color} size="small" style={{ width: 80, margin: 0 }} />
      <span>{rate}%</span>
    </Space>
  );
}

/** T2 目标达成 (seed 002): target, actual, rate, gap and the gap against the forecast, per department and person. */
export function AttainmentPage() {
  const { t } = useTranslation('targets');
  const lp = useListParams();
  const type = (lp.text('type') as TargetType | undefined) ?? 'signed_amount';
  const raw = lp.text('period');
  const period = raw && /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(raw) ? raw : companyMonth();
  const departmentId = lp.text('dept');
  const dimension = (['product_category', 'region'] as const).find((d) => d === lp.text('dim')) ?? null;
  const dimensionValue = dimension ? lp.text('dimv') : undefined;
  const query = { type, period, departmentId, ...(dimension && dimensionValue ? { dimension, dimensionValue } : {}) };
  const { data, isFetching, isError, error, refetch } = useAttainment(query);
  const rows: Row[] = (data?.rows ?? []).map((r) => ({ ...r, label: r.kind === 'company' ? t('company') : r.name }));
  const value = (v: string | null) => targetValue(type, v);
  const columns = [
    {
      key: 'name',
      title: t('attainment.name'),
      fixed: 'left' as const,
      render: (_: unknown, r: Row) =>
        r.drillable && !r.isParent ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => lp.update({ dept: r.id })} data-testid={`drill-${r.name}`}>
            {r.label}
          </Button>
        ) : (
          <Typography.Text strong={r.isParent}>{r.label}</Typography.Text>
        ),
    },
    {
      key: 'target',
      title: (
        <Tooltip title={t('attainment.targetRule')}>
          <span data-testid="attainment-target-rule">
            {t('attainment.target')} <QuestionCircleOutlined />
          </span>
        </Tooltip>
      ),
      align: 'right' as const,
      render: (_: unknown, r: Row) =>
        r.target === null ? <Typography.Text type="secondary">{t('attainment.noTarget')}</Typography.Text> : value(r.target),
    },
    { key: 'actual', title: t('attainment.actual'), align: 'right' as const, render: (_: unknown, r: Row) => value(r.actual) },
    { key: 'rate', title: t('attainment.rate'), render: (_: unknown, r: Row) => <RateBar rate={r.rate} elapsed={data?.elapsed ?? '0'} /> },
    { key: 'gap', title: t('attainment.gap'), align: 'right' as const, render: (_: unknown, r: Row) => value(r.gap) },
    ...(data?.forecastFrom && rows.some((r) => r.forecast !== null)
      ? [
          { key: 'forecast', title: t('attainment.forecast'), align: 'right' as const, render: (_: unknown, r: Row) => value(r.forecast) },
          {
            key: 'after',
            title: t('attainment.gapAfterForecast'),
            align: 'right' as const,
            render: (_: unknown, r: Row) =>
              r.gapAfterForecast === null ? (
                '—'
              ) : r.gapAfterForecast.startsWith('-') || Number(r.gapAfterForecast) === 0 ? (
                <Tag color="green">{t('attainment.willMake')}</Tag>
              ) : (
                <Typography.Text type="danger">{value(r.gapAfterForecast)}</Typography.Text>
              ),
          },
        ]
      : []),
  ];
  const forecastNote = !data
    ? null
    : data.forecastFrom === null
      ? t('attainment.periodOver')
      : rows.some((r) => r.forecast !== null)
        ? t('attainment.forecastFrom', { from: data.forecastFrom })
        : t('attainment.noForecast');
  return (
    <>
      <PageHeader title={t('attainment.title')} sub={t('attainment.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <TypeSelect
            value={type}
            onChange={(v) =>
              lp.update({
                type: v === 'signed_amount' ? undefined : v,
                ...(v !== 'signed_amount' && dimension === 'product_category' ? { dim: undefined, dimv: undefined } : {}),
              })
            }
            aria-label={t('attainment.type')}
            data-testid="attainment-type"
          />
          <PeriodPicker value={period} onChange={(p) => lp.update({ period: p })} />
          <DimensionKindSelect type={type} value={dimension} onChange={(d) => lp.update({ dim: d, dimv: undefined })} />
          <DimensionValueInput kind={dimension} value={dimensionValue} onChange={(v) => lp.update({ dimv: v })} />
          {departmentId && (
            <Button
              icon={<ArrowUpOutlined />}
              onClick={() => lp.update({ dept: data?.upDepartmentId ?? undefined })}
              data-testid="attainment-up"
            >
              {t('attainment.up')}
            </Button>
          )}
          <ExportButton
            entity="report-attainment"
            module="targets"
            action="view"
            path="/targets/attainment"
            params={{ type, period, departmentId, dimension: query.dimension, dimensionValue: query.dimensionValue }}
          />
        </Space>
        {data && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('attainment.elapsed', { pct: data.elapsed })} · {forecastNote}
          </Typography.Paragraph>
        )}
        {isError && <LoadError title={t('loadFailed')} error={error} onRetry={() => void refetch()} />}
        {rows.length > 0 && <AttainmentChart rows={rows} type={type} />}
        <Table<Row>
          rowKey={(r) => `${r.kind}:${r.id ?? ''}`}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: isFetching ? <div style={{ height: 80 }} /> : <Empty description={t('attainment.empty')} /> }}
          data-testid="attainment-table"
        />
      </Card>
    </>
  );
}
