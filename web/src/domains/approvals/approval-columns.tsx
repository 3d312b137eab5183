import { ExportOutlined } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, relativeTime } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import type { CardLayout, ListColumn } from '../../shared/list-kit/index.js';
import type { ApprovalBox, ApprovalRow } from './api.js';
import { ApprovalStatusTag } from './approval-labels.js';
import { waitedFor } from './step-states.js';

// A request waiting this long is drawn in the warning colour in 待我审批.
const LONG_WAIT_DAYS = 2;

/** The columns of one box of 审批中心 and the card that stands for a row at phone width. */
export function useApprovalColumns(box: ApprovalBox) {
  const { t, i18n } = useTranslation('approvals');
  const locale = i18n.language;
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

  const title = (r: ApprovalRow) => (
    <Space size={6} wrap={false}>
      <Link to={`/approvals/${r.id}`} onClick={stop} style={{ fontWeight: 500 }} data-testid="approval-title">
        {r.title}
      </Link>
      {r.link && (
        <Tooltip title={t('openDocument')}>
          <Link to={r.link} onClick={stop} aria-label={t('openDocument')}>
            <ExportOutlined style={{ fontSize: 12 }} />
          </Link>
        </Tooltip>
      )}
    </Space>
  );
  const when = (iso: string) => (
    <span title={formatDateTime(iso, locale)} style={{ whiteSpace: 'nowrap' }}>
      {relativeTime(iso, locale, t('waited.justNow'))}
    </span>
  );
  const waiting = (r: ApprovalRow) => {
    if (!r.waitingSince) return '—';
    const w = waitedFor(r.waitingSince);
    return (
      <Typography.Text
        type={w.days >= LONG_WAIT_DAYS ? 'warning' : undefined}
        title={t('waitingSince', { at: formatDateTime(r.waitingSince, locale) })}
        style={{ whiteSpace: 'nowrap' }}
      >
        {t(`waited.${w.key}`, w)}
      </Typography.Text>
    );
  };

  const all: (ListColumn<ApprovalRow> & { boxes?: ApprovalBox[] })[] = [
    { key: 'documentType', title: t('columns.documentType'), dataIndex: 'documentLabel', width: 110 },
    { key: 'title', title: t('columns.title'), width: 280, render: (_, r) => title(r) },
    {
      key: 'amount',
      title: t('columns.amount'),
      align: 'right',
      width: 140,
      render: (_, r) => <span className="money">{formatMoney(r.amount)}</span>,
    },
    { key: 'stepName', title: t('columns.step'), dataIndex: 'stepName', width: 140, render: (v: string | null) => v ?? '—' },
    { key: 'submitter', title: t('columns.submitter'), width: 100, render: (_, r) => r.submitter.name, boxes: ['todo', 'done'] },
    { key: 'submittedAt', title: t('columns.submittedAt'), width: 120, render: (_, r) => when(r.submittedAt) },
    { key: 'waiting', title: t('columns.waiting'), width: 120, render: (_, r) => waiting(r), boxes: ['todo'] },
    {
      key: 'status',
      title: t('columns.status'),
      width: 90,
      render: (_, r) => <ApprovalStatusTag status={r.status} />,
      boxes: ['submitted', 'done'],
    },
    {
      key: 'finishedAt',
      title: t('columns.finishedAt'),
      width: 120,
      render: (_, r) => (r.finishedAt ? when(r.finishedAt) : '—'),
      boxes: ['submitted', 'done'],
    },
  ];
  const columns: ListColumn<ApprovalRow>[] = all.filter((c) => !c.boxes || c.boxes.includes(box)).map(({ boxes: _, ...c }) => c);

  const card: CardLayout<ApprovalRow> = {
    title: 'title',
    extra: box === 'todo' ? 'waiting' : 'status',
    subtitle: ['documentType', 'amount', 'stepName', box === 'submitted' ? 'submittedAt' : 'submitter'],
  };
  return { columns, card };
}
