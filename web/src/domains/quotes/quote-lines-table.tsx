import { Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import type { Quote, QuoteLine } from './api.js';
import { Margin, percent, quantity } from './quote-labels.js';
import './quotes.css';

type Row = { kind: 'group'; key: string; name: string; count: number } | { kind: 'line'; key: string; line: QuoteLine };

/** A saved quote's lines, each bundle's under its name; neighbouring lines of one bundle are one group. */
export function groupedLines(lines: QuoteLine[]): Row[] {
  const rows: Row[] = [];
  lines.forEach((l, i) => {
    if (l.bundleId && lines[i - 1]?.bundleId !== l.bundleId) {
      let count = 0;
      while (lines[i + count]?.bundleId === l.bundleId) count++;
      rows.push({ kind: 'group', key: `g-${l.id}`, name: l.bundleName ?? '', count });
    }
    rows.push({ kind: 'line', key: l.id, line: l });
  });
  return rows;
}

/** The detail page's lines: what the customer gets, the discount off the list price, and margins for those who may see costs. */
export function QuoteLinesTable({ quote }: { quote: Quote }) {
  const { t } = useTranslation('quotes');
  const seesCosts = quote.lines.some((l) => l.margin !== undefined);
  // Beyond-the-limit marks matter while the quote may still change or waits for its approval; once
  // approved they would read as a fault on a document that is fine.
  const marks = quote.status === 'draft' || quote.status === 'in_approval';
  const over = (l: QuoteLine) => marks && l.overLimit;
  const span = (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {});
  const cell = (render: (l: QuoteLine) => ReactNode) => (_: unknown, r: Row) => (r.kind === 'line' ? render(r.line) : null);
  const columns: TableColumnsType<Row> = [
    {
      key: 'product',
      title: t('line.product'),
      width: 260,
      onCell: (r) => (r.kind === 'group' ? { colSpan: 100 } : {}),
      render: (_, r) =>
        r.kind === 'group' ? (
          <Space size={8}>
            <Tag color="purple">{t('line.bundle', { name: r.name })}</Tag>
            <Typography.Text type="secondary">{t('line.bundleCount', { count: r.count })}</Typography.Text>
          </Space>
        ) : (
          <div className={r.line.bundleId ? 'quote-bundle-line' : undefined}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.line.code}
            </Typography.Text>
            <div>{r.line.name}</div>
            {r.line.specification && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.line.specification}
              </Typography.Text>
            )}
          </div>
        ),
    },
    { key: 'unit', title: t('line.unit'), width: 56, onCell: span, render: cell((l) => l.unit) },
    { key: 'quantity', title: t('line.quantity'), width: 70, align: 'right', onCell: span, render: cell((l) => quantity(l.quantity)) },
    {
      key: 'listPrice',
      title: t('line.listPrice'),
      width: 110,
      align: 'right',
      onCell: span,
      render: cell((l) => formatMoney(l.listPrice)),
    },
    {
      key: 'unitPrice',
      title: t('line.unitPrice'),
      width: 110,
      align: 'right',
      onCell: span,
      render: cell((l) => formatMoney(l.unitPrice)),
    },
    { key: 'discount', title: t('line.discount'), width: 70, align: 'right', onCell: span, render: cell((l) => percent(l.discount)) },
    {
      key: 'effectiveDiscount',
      title: t('line.effectiveDiscount'),
      width: 130,
      onCell: span,
      render: cell((l) => (
        <Space size={4} wrap>
          <span>{percent(l.effectiveDiscount)}</span>
          {over(l) && <Tag color="error">{t('line.overLimit')}</Tag>}
        </Space>
      )),
    },
    {
      key: 'amount',
      title: t('line.amount'),
      width: 120,
      align: 'right',
      className: 'money',
      onCell: span,
      render: cell((l) => <strong>{formatMoney(l.amount)}</strong>),
    },
    { key: 'taxRate', title: t('line.taxRate'), width: 60, align: 'right', onCell: span, render: cell((l) => percent(l.taxRate)) },
    ...(seesCosts
      ? [
          {
            key: 'margin',
            title: t('line.margin'),
            width: 110,
            align: 'right' as const,
            className: 'money',
            onCell: span,
            render: cell((l) => <Margin value={l.margin} />),
          },
        ]
      : []),
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={groupedLines(quote.lines)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.kind === 'group' ? 'quote-bundle-row' : over(r.line) ? 'quote-line-over' : '')}
      data-testid="quote-lines"
    />
  );
}
