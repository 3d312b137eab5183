import type { TargetDetail } from '@contracts/targets.js';
import { Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { fromFen, sumFen, toFen } from './grid-sums.js';

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
type GridRow = TargetDetail['rows'][number];
export const rowKey = (r: { userId: string | null; departmentId: string | null }) => r.userId ?? `d:${r.departmentId}`;
export const cellKey = (row: string, month: number) => `${row}|${month}`;
export type Values = Record<string, string>;

const show = (fen: bigint, count: boolean) => (count ? String(fen / 100n) : formatMoney(fromFen(fen)));

/**
 * The split as people × months: every cell an amount typed as text (exact, no float), each row's
 * year and each month's total added up live below; a cell that is not an amount turns red.
 */
export function TargetGrid({
  rows,
  values,
  onChange,
  editable,
  count,
}: {
  rows: GridRow[];
  values: Values;
  onChange: (key: string, value: string) => void;
  editable: boolean;
  count: boolean;
}) {
  const { t } = useTranslation('targets');
  const rowTotal = (r: GridRow) => sumFen(MONTHS.map((m) => values[cellKey(rowKey(r), m)]));
  const monthTotal = (m: number) => sumFen(rows.map((r) => values[cellKey(rowKey(r), m)]));
  const columns = [
    {
      key: 'name',
      title: t('grid.row'),
      fixed: 'left' as const,
      width: 150,
      render: (_: unknown, r: GridRow) => (
        <span>
          {r.name} {r.kind === 'department' && <Tag style={{ marginInlineEnd: 0 }}>{t('grid.department')}</Tag>}
          {r.inactive && <Tag color="default">{t('grid.inactive')}</Tag>}
        </span>
      ),
    },
    ...MONTHS.map((m) => ({
      key: `m${m}`,
      title: t('months', { m }),
      width: 104,
      align: 'right' as const,
      render: (_: unknown, r: GridRow) => {
        const key = cellKey(rowKey(r), m);
        const v = values[key] ?? '';
        if (!editable) return <span className="money">{v ? show(toFen(v) ?? 0n, count) : '—'}</span>;
        return (
          <Input
            size="small"
            value={v}
            status={toFen(v) === null ? 'error' : undefined}
            onChange={(e) => onChange(key, e.target.value.replace(/[,\s¥]/g, ''))}
            style={{ textAlign: 'right', width: 92 }}
            inputMode="decimal"
            aria-label={`${r.name} ${t('months', { m })}`}
            data-testid={`cell-${r.name}-${m}`}
          />
        );
      },
    })),
    {
      key: 'total',
      title: t('grid.rowTotal'),
      fixed: 'right' as const,
      width: 130,
      align: 'right' as const,
      render: (_: unknown, r: GridRow) => <Typography.Text strong>{show(rowTotal(r), count)}</Typography.Text>,
    },
  ];
  return (
    <Table<GridRow>
      rowKey={rowKey}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="target-grid"
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('grid.columnTotal')}</Typography.Text>
            </Table.Summary.Cell>
            {MONTHS.map((m) => (
              <Table.Summary.Cell key={m} index={m} align="right">
                <span data-testid={`month-total-${m}`}>{show(monthTotal(m), count)}</span>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={13} align="right">
              <Typography.Text strong data-testid="grid-total">
                {show(
                  rows.reduce((a, r) => a + rowTotal(r), 0n),
                  count,
                )}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
