import { Card, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../shared/format.js';
import { type Quote, useQuotes } from './api.js';
import { QuoteStatusTag } from './quote-labels.js';

/**
 * The version chain (Q2 出新版本): every version of this quote number, newest first, each a link,
 * the one on screen marked. Read from the deal's quotes with superseded versions included.
 */
export function QuoteVersions({ q }: { q: Quote }) {
  const { t } = useTranslation('quotes');
  const chained = q.revision > 1 || q.supersededById !== null;
  const { data } = useQuotes({ opportunityId: q.opportunityId, allRevisions: 'true', pageSize: 100, sort: '-updatedAt' }, chained);
  if (!chained) return null;
  const versions = (data?.items ?? []).filter((v) => v.number === q.number).sort((a, b) => b.revision - a.revision);
  return (
    <Card size="small" title={t('detail.versions')} style={{ marginBottom: 16 }} data-testid="quote-versions">
      <Timeline
        items={versions.map((v) => ({
          color: v.id === q.id ? 'blue' : 'gray',
          children: (
            <Space size={6} wrap>
              {v.id === q.id ? (
                <Typography.Text strong>{t('detail.revision', { revision: v.revision })}</Typography.Text>
              ) : (
                <Link to={`/quotes/${v.id}`}>{t('detail.revision', { revision: v.revision })}</Link>
              )}
              <QuoteStatusTag status={v.status} />
              <Typography.Text type="secondary">{formatMoney(v.total)}</Typography.Text>
              {v.id === q.id && <Typography.Text type="secondary">（{t('detail.current')}）</Typography.Text>}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
