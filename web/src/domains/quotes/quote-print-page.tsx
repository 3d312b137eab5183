import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { rmbUppercase } from '@contracts/rmb-uppercase.js';
import { Button, Result, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDate } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { type Quote, quotePdfUrl, useQuote } from './api.js';
import { groupedLines } from './quote-lines-table.js';
import { percent, quantity } from './quote-labels.js';
import './quotes.css';
import './quote-print.css';

/**
 * /quotes/:id/print: the quote as the customer sees it, on a plain page that prints on A4 (the menu
 * and these buttons stay off paper). The same columns as the PDF; never cost or margin.
 */
export function QuotePrintPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('quotes');
  const navigate = useNavigate();
  const { data, isLoading } = useQuote(id);
  if (isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!data) return <Result status="404" title="404" subTitle={t('detail.notFound')} />;
  return (
    <>
      <Space className="quote-print-toolbar" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/quotes/${data.id}`)}>
          {t('print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="quote-print-now">
          {t('detail.print')}
        </Button>
        <Button icon={<FilePdfOutlined />} href={quotePdfUrl(data.id)} download>
          {t('detail.pdf')}
        </Button>
      </Space>
      <PrintedQuote q={data} />
    </>
  );
}

function PrintedQuote({ q }: { q: Quote }) {
  const { t } = useTranslation('quotes');
  const { t: tc } = useTranslation();
  const columns = ['code', 'name', 'specification', 'unit', 'quantity', 'unitPrice', 'discount', 'amount', 'taxRate'] as const;
  const numeric = new Set(['quantity', 'unitPrice', 'discount', 'amount', 'taxRate']);
  const whole = Number(q.wholeDiscount) > 0;
  return (
    <div className="quote-print" data-testid="quote-print">
      <div className="quote-print-company">{tc('appName')}</div>
      <h1>{t('print.title')}</h1>
      <dl>
        <dt>{t('fields.number')}</dt>
        <dd>
          {q.number}（{t('detail.revision', { revision: q.revision })}）
        </dd>
        <dt>{t('print.date')}</dt>
        <dd>{formatDate(q.sentAt ?? q.createdAt)}</dd>
        <dt>{t('fields.customer')}</dt>
        <dd>{q.customerName}</dd>
        <dt>{t('fields.validUntil')}</dt>
        <dd>{q.validUntil ?? '—'}</dd>
        <dt>{t('fields.opportunity')}</dt>
        <dd>{q.opportunityName}</dd>
        <dt>{t('print.quoter')}</dt>
        <dd>{q.ownerName ?? '—'}</dd>
        <dt>{t('print.subject')}</dt>
        <dd style={{ gridColumn: 'span 3' }}>{q.title}</dd>
      </dl>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} className={numeric.has(c) ? 'num' : undefined}>
                {t(`line.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groupedLines(q.lines).map((r) =>
            r.kind === 'group' ? (
              <tr key={r.key} className="quote-print-bundle">
                <td colSpan={columns.length}>{t('line.bundle', { name: r.name })}</td>
              </tr>
            ) : (
              <tr key={r.key}>
                <td>{r.line.code}</td>
                <td>{r.line.name}</td>
                <td>{r.line.specification ?? ''}</td>
                <td>{r.line.unit}</td>
                <td className="num">{quantity(r.line.quantity)}</td>
                <td className="num">{formatMoney(r.line.unitPrice)}</td>
                <td className="num">{percent(r.line.discount)}</td>
                <td className="num">{formatMoney(r.line.amount)}</td>
                <td className="num">{percent(r.line.taxRate)}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <div className="quote-totals">
        <span>{t('fields.subtotal')}</span>
        <span>{formatMoney(q.subtotal)}</span>
        {whole && (
          <>
            <span>{t('fields.wholeDiscount')}</span>
            <span>{percent(q.wholeDiscount)}</span>
          </>
        )}
        <span>{t('fields.total')}</span>
        <span className="quote-total-main">{formatMoney(q.total)}</span>
        <span>{t('fields.taxTotal')}</span>
        <span>{formatMoney(q.taxTotal)}</span>
      </div>
      <div className="quote-print-words">
        {t('print.inWords')}：人民币{rmbUppercase(q.total)}
      </div>
      {q.notes && (
        <>
          <h3>{t('fields.notes')}</h3>
          <div className="quote-print-text">{q.notes}</div>
        </>
      )}
      {q.terms && (
        <>
          <h3>{t('fields.terms')}</h3>
          <div className="quote-print-text">{q.terms}</div>
        </>
      )}
    </div>
  );
}
