import { DeleteOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, InputNumber, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays, companyToday, DATE, dateFromPicker, dateToPicker } from '../../shared/dates.js';
import { MoneyInput } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { ProductSelect } from '../products/public.js';
import { type DraftLine, draftAmounts, validLine } from './order-draft.js';

interface Props {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
}

let nextKey = 0;

/** Lines from the catalogue with quantity, price and the date the customer needs them; amounts exact. */
export function OrderLinesEditor({ lines, onChange }: Props) {
  const { t } = useTranslation('orders');
  const amounts = draftAmounts(lines);
  const set = (index: number, patch: Partial<DraftLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));

  const columns: TableColumnsType<DraftLine> = [
    {
      key: 'product',
      title: t('line.product'),
      width: 220,
      render: (_, l) => (
        <div>
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
      ),
    },
    { key: 'unit', title: t('line.unit'), width: 56, render: (_, l) => l.unit },
    {
      key: 'quantity',
      title: t('line.quantity'),
      width: 120,
      render: (_, l, i) => (
        <InputNumber<string>
          stringMode
          min="0.01"
          max="99999999.99"
          precision={2}
          value={l.quantity}
          status={l.quantity === '' || validLine(l) ? undefined : 'error'}
          onChange={(v) => set(i, { quantity: v ?? '' })}
          style={{ width: '100%' }}
          aria-label={t('line.quantity')}
          data-testid="order-line-quantity"
        />
      ),
    },
    {
      key: 'unitPrice',
      title: t('line.unitPrice'),
      width: 140,
      render: (_, l, i) => (
        <MoneyInput
          value={l.unitPrice}
          onChange={(v) => set(i, { unitPrice: v ?? '' })}
          aria-label={t('line.unitPrice')}
          data-testid="order-line-price"
        />
      ),
    },
    {
      key: 'requiredDate',
      title: t('line.requiredDate'),
      width: 150,
      render: (_, l, i) => (
        <DatePicker
          format={DATE}
          allowClear={false}
          value={dateToPicker(l.requiredDate)}
          onChange={(d) => set(i, { requiredDate: dateFromPicker(d) ?? '' })}
          style={{ width: '100%' }}
          aria-label={t('line.requiredDate')}
          data-testid="order-line-date"
        />
      ),
    },
    {
      key: 'amount',
      title: t('line.amount'),
      width: 120,
      align: 'right',
      className: 'money',
      render: (_, _l, i) => <strong>{amounts.lines[i] ? formatMoney(amounts.lines[i]) : '—'}</strong>,
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
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="order-lines-editor">
      <ProductSelect
        value={null}
        placeholder={t('line.add')}
        onPick={(p) =>
          onChange([
            ...lines,
            {
              key: `new-${nextKey++}`,
              productId: p.id,
              code: p.code,
              name: p.name,
              specification: p.specification,
              unit: p.unit,
              quantity: '1',
              unitPrice: p.listPrice,
              // The same date as the line before, else a week from today.
              requiredDate: lines.at(-1)?.requiredDate || addDays(companyToday(), 7),
            },
          ])
        }
        style={{ width: '100%', maxWidth: 520 }}
        data-testid="order-add-product"
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
