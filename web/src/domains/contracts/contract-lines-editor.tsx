import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Empty, InputNumber, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { ProductSelect } from '../products/public.js';
import { expandProduct } from './api.js';
import { type DraftLine, draftAmounts, linesOfPick, splitQuantity, validQuantity } from './contract-draft.js';

interface Props {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  /** An amendment's lines: a negative quantity takes away from the contract (减少). */
  allowNegative?: boolean;
  wholeDiscount?: string;
  /** The price a picked product already has on the contract, so taking some away takes it at that price. */
  agreedPrice?: (productId: string) => Pick<DraftLine, 'unitPrice' | 'discount'> | undefined;
  testId?: string;
}

/**
 * Lines from the catalogue (a bundle arrives as its lines at the bundle's prices) with quantity,
 * price and discount, and each line's amount as the server will store it. Compact on purpose: the
 * discount limits and margins of the quote editor belong to quoting, not to a contract.
 */
export function ContractLinesEditor({
  lines,
  onChange,
  allowNegative = false,
  wholeDiscount = '0',
  agreedPrice,
  testId = 'contract-lines-editor',
}: Props) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);
  const amounts = draftAmounts(lines, wholeDiscount);
  const set = (index: number, patch: Partial<DraftLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const pick = async (p: { id: string; kind: 'product' | 'bundle'; name: string }) => {
    setPicking(true);
    try {
      const picked = linesOfPick(p, await expandProduct(p.id));
      onChange([...lines, ...picked.map((l) => (l.bundleId ? l : { ...l, ...agreedPrice?.(l.productId) }))]);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setPicking(false);
    }
  };

  const columns: TableColumnsType<DraftLine> = [
    {
      key: 'product',
      title: t('line.product'),
      width: 240,
      render: (_, l) => (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.code}
          </Typography.Text>
          {l.bundleName && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t('line.bundle', { name: l.bundleName })}
            </Tag>
          )}
          <div>{l.name}</div>
          {l.specification && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.specification}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'unit', title: t('line.unit'), width: 56, render: (_, l) => l.unit },
    {
      key: 'quantity',
      title: allowNegative ? t('line.quantitySigned') : t('line.quantity'),
      width: 130,
      render: (_, l, i) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <InputNumber<string>
            stringMode
            min={allowNegative ? '-99999999.99' : '0.01'}
            max="99999999.99"
            precision={2}
            value={l.quantity}
            status={l.quantity === '' || validQuantity(l.quantity, allowNegative) ? undefined : 'error'}
            onChange={(v) => set(i, { quantity: v ?? '' })}
            style={{ width: '100%' }}
            aria-label={t('line.quantity')}
            data-testid="contract-line-quantity"
          />
          {allowNegative && splitQuantity(l.quantity).negative && <Tag color="orange">{t('amendment.decrease')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'unitPrice',
      title: t('line.unitPrice'),
      width: 140,
      render: (_, l, i) => (
        <MoneyInput value={l.unitPrice} onChange={(v) => set(i, { unitPrice: v ?? '' })} aria-label={t('line.unitPrice')} />
      ),
    },
    {
      key: 'discount',
      title: t('line.discount'),
      width: 100,
      render: (_, l, i) => (
        <InputNumber<string>
          stringMode
          min="0"
          max="100"
          precision={2}
          suffix="%"
          value={l.discount}
          onChange={(v) => set(i, { discount: v ?? '' })}
          style={{ width: '100%' }}
          aria-label={t('line.discount')}
        />
      ),
    },
    {
      key: 'amount',
      title: t('line.amount'),
      width: 130,
      align: 'right',
      className: 'money',
      render: (_, _l, i) => <strong>{formatMoney(amounts.lines[i])}</strong>,
    },
    {
      key: 'remove',
      width: 48,
      render: (_, _l, i) => (
        <Tooltip title={t('line.remove')}>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('line.remove')}
            onClick={() => onChange(lines.filter((_x, j) => j !== i))}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid={testId}>
      <ProductSelect
        value={null}
        loading={picking}
        disabled={picking}
        placeholder={t('line.add')}
        onPick={(p) => void pick(p)}
        style={{ width: '100%', maxWidth: 520 }}
        data-testid="contract-add-product"
      />
      <Table<DraftLine>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('line.noLines')} /> }}
      />
    </Space>
  );
}
