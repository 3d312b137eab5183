import { FlagOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import type { ContractLine } from './api.js';
import { quantity } from './contract-draft.js';
import { ContractProgress } from './contract-labels.js';

/** What a saved line shows: a contract's, an amendment's, or the quote's a contract is drafted from. */
export type ShownLine = Pick<
  ContractLine,
  'id' | 'code' | 'name' | 'specification' | 'unit' | 'quantity' | 'unitPrice' | 'discount' | 'amount' | 'taxRate' | 'bundleName'
> & { progress?: ContractLine['progress'] };

const percent = (v: string) => (Number(v) ? `${quantity(v)}%` : '—');

/**
 * Saved lines, read only. With `withProgress` each line shows its latest progress (Q5: percent,
 * milestone, date and who recorded it), and `onRecord` adds 记录进度 to the lines that may take it.
 */
export function ContractLinesTable<L extends ShownLine>({
  lines,
  withProgress = false,
  onRecord,
  testId = 'contract-lines',
}: {
  lines: L[];
  withProgress?: boolean;
  onRecord?: (line: L) => void;
  testId?: string;
}) {
  const { t } = useTranslation('contracts');
  const columns: TableColumnsType<L> = [
    {
      key: 'product',
      title: t('line.product'),
      width: 180,
      fixed: 'left',
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
    {
      key: 'quantity',
      title: t('line.quantity'),
      width: 80,
      align: 'right',
      // The unit beside the number (1000 罐) keeps the table narrow enough for the progress column.
      render: (_, l) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {l.quantity.startsWith('-') ? <Typography.Text type="warning">{quantity(l.quantity)}</Typography.Text> : quantity(l.quantity)}{' '}
          <Typography.Text type="secondary">{l.unit}</Typography.Text>
        </span>
      ),
    },
    { key: 'unitPrice', title: t('line.unitPrice'), width: 100, align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
    { key: 'discount', title: t('line.discount'), width: 56, align: 'right', render: (_, l) => percent(l.discount) },
    {
      key: 'amount',
      title: t('line.amount'),
      width: 110,
      align: 'right',
      className: 'money',
      render: (_, l) => <strong>{formatMoney(l.amount)}</strong>,
    },
    { key: 'taxRate', title: t('line.taxRate'), width: 50, align: 'right', render: (_, l) => percent(l.taxRate) },
    ...(withProgress
      ? ([
          {
            key: 'progress',
            title: t('line.progress'),
            width: 190,
            render: (_, l) => {
              const p = l.progress;
              return (
                <div data-testid="contract-line-progress">
                  <ContractProgress value={p?.percent ?? '0'} width={170} />
                  <div style={{ display: 'flex', alignItems: 'baseline', gap: 4 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1 }}>
                      {p
                        ? [p.milestone, p.reachedOn, p.recordedBy && t('progress.by', { name: p.recordedBy })].filter(Boolean).join(' · ')
                        : t('progress.none')}
                    </Typography.Text>
                    {onRecord && (
                      <Button
                        size="small"
                        type="link"
                        icon={<FlagOutlined />}
                        style={{ paddingInline: 0 }}
                        onClick={() => onRecord(l)}
                        data-testid="contract-record-progress"
                      >
                        {t('progress.record')}
                      </Button>
                    )}
                  </div>
                </div>
              );
            },
          },
        ] satisfies TableColumnsType<L>)
      : []),
  ];
  return (
    <Table<L>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}
