import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Empty, InputNumber, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { ProductSelect } from '../products/public.js';
import { expandProduct } from './api.js';
import { type DraftLine, type DraftResult, type DraftRow, draftRows, linesOfPick } from './quote-draft.js';
import { Margin, percent } from './quote-labels.js';
import './quotes.css';

interface Props {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  figures: DraftResult;
  seesCosts: boolean;
}

/**
 * The quote's lines while the rep types: products picked from the catalogue (a bundle arrives as its
 * lines under the bundle's name), quantity, price and discount, with each line's amount, its discount
 * off the list price — tagged 超出折扣权限 where it needs approval — and, for those who may see
 * costs, the margin left.
 */
export function QuoteLinesEditor({ lines, onChange, figures, seesCosts }: Props) {
  const { t } = useTranslation('quotes');
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);

  const set = (index: number, patch: Partial<DraftLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const pick = async (p: { id: string; kind: 'product' | 'bundle'; name: string }) => {
    setPicking(true);
    try {
      onChange([...lines, ...linesOfPick(p, await expandProduct(p.id))]);
    } catch (e) {
      message.error(t('editor.expandFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setPicking(false);
    }
  };

  const rows = draftRows(lines);
  const lineOf = (r: DraftRow) => (r.kind === 'line' ? lines[r.index] : undefined);
  const resultOf = (r: DraftRow) => (r.kind === 'line' ? figures.lines[r.index] : undefined);
  // A bundle's heading row spans the whole table; its cells in the other columns are folded away.
  const span = (r: DraftRow) => (r.kind === 'group' ? { colSpan: 0 } : {});

  const columns: TableColumnsType<DraftRow> = [
    {
      key: 'product',
      title: t('line.product'),
      width: 230,
      onCell: (r) => (r.kind === 'group' ? { colSpan: 100 } : {}),
      render: (_, r) => {
        if (r.kind === 'group') {
          const group = lines.find((l) => `g-${l.group}` === r.key)?.group;
          return (
            <Space size={8} className="quote-bundle-heading">
              <Tag color="purple">{t('line.bundle', { name: r.bundleName })}</Tag>
              <Typography.Text type="secondary">{t('line.bundleCount', { count: r.count })}</Typography.Text>
              <Button size="small" type="link" danger onClick={() => onChange(lines.filter((l) => l.group !== group))}>
                {t('line.removeBundle')}
              </Button>
            </Space>
          );
        }
        const l = lines[r.index];
        return (
          <div className={l.group ? 'quote-bundle-line' : undefined}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.code}
            </Typography.Text>
            <div>{l.name}</div>
            {l.specification && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.specification}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    { key: 'unit', title: t('line.unit'), width: 50, onCell: span, render: (_, r) => lineOf(r)?.unit },
    {
      key: 'quantity',
      title: t('line.quantity'),
      width: 96,
      onCell: span,
      render: (_, r) =>
        r.kind === 'line' && (
          <InputNumber<string>
            stringMode
            min="0.01"
            max="99999999.99"
            precision={2}
            value={lines[r.index].quantity}
            onChange={(v) => set(r.index, { quantity: v ?? '' })}
            style={{ width: '100%' }}
            aria-label={t('line.quantity')}
            data-testid="quote-line-quantity"
          />
        ),
    },
    {
      key: 'listPrice',
      title: t('line.listPrice'),
      width: 100,
      align: 'right',
      onCell: span,
      render: (_, r) => (r.kind === 'line' ? formatMoney(lines[r.index].listPrice) : null),
    },
    {
      key: 'unitPrice',
      title: t('line.unitPrice'),
      width: 120,
      onCell: span,
      render: (_, r) =>
        r.kind === 'line' && (
          <MoneyInput
            value={lines[r.index].unitPrice}
            onChange={(v) => set(r.index, { unitPrice: v ?? '' })}
            aria-label={t('line.unitPrice')}
            data-testid="quote-line-price"
          />
        ),
    },
    {
      key: 'discount',
      title: t('line.discount'),
      width: 96,
      onCell: span,
      render: (_, r) =>
        r.kind === 'line' && (
          <InputNumber<string>
            stringMode
            min="0"
            max="100"
            precision={2}
            suffix="%"
            value={lines[r.index].discount}
            onChange={(v) => set(r.index, { discount: v ?? '' })}
            style={{ width: '100%' }}
            aria-label={t('line.discount')}
            data-testid="quote-line-discount"
          />
        ),
    },
    {
      key: 'effectiveDiscount',
      title: t('line.effectiveDiscount'),
      width: 116,
      onCell: span,
      render: (_, r) => {
        const f = resultOf(r);
        if (!f) return null;
        return (
          <Space size={4} wrap>
            <span>{percent(f.effectiveDiscount)}</span>
            {f.overLimit && (
              <Tag color="error" data-testid="quote-line-over-limit">
                {t('line.overLimit')}
              </Tag>
            )}
          </Space>
        );
      },
    },
    {
      key: 'amount',
      title: t('line.amount'),
      width: 110,
      align: 'right',
      className: 'money',
      onCell: span,
      render: (_, r) => (r.kind === 'line' ? <strong>{formatMoney(resultOf(r)?.amount)}</strong> : null),
    },
    ...(seesCosts
      ? [
          {
            key: 'margin',
            title: t('line.margin'),
            width: 100,
            align: 'right' as const,
            className: 'money',
            onCell: span,
            render: (_: unknown, r: DraftRow) => <Margin value={resultOf(r)?.margin} />,
          },
        ]
      : []),
    {
      key: 'remove',
      width: 40,
      onCell: span,
      render: (_, r) =>
        r.kind === 'line' && (
          <Tooltip title={t('line.remove')}>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('line.remove')}
              onClick={() => onChange(lines.filter((_l, i) => i !== r.index))}
            />
          </Tooltip>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ProductSelect
        value={null}
        loading={picking}
        disabled={picking}
        placeholder={t('editor.addProduct')}
        onPick={(p) => void pick(p)}
        style={{ width: '100%', maxWidth: 520 }}
        data-testid="quote-add-product"
      />
      <Table<DraftRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.kind === 'group' ? 'quote-bundle-row' : resultOf(r)?.overLimit ? 'quote-line-over' : '')}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.noLines')} /> }}
        data-testid="quote-lines"
      />
    </Space>
  );
}
