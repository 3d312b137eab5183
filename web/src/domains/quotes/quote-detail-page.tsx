import { RecordPageState } from '../../shared/record-page-state.js';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../shared/dates.js';
import { PageHeader } from '../../shared/page-header.js';
import { ApprovalPanel } from '../approvals/public.js';
import { type Quote, quoteKeys, useQuote } from './api.js';
import { QuoteActions } from './quote-actions.js';
import { QuoteHistory } from './quote-history.js';
import { QuoteNumber, QuoteStatusTag, quantity } from './quote-labels.js';
import { QuoteLinesTable } from './quote-lines-table.js';
import { QuoteTotals } from './quote-totals.js';
import { QuoteVersions } from './quote-versions.js';

export function QuoteDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('quotes');
  const { data, isLoading, error } = useQuote(id);
  if (!data)
    return (
      <RecordPageState
        isLoading={isLoading}
        error={error}
        notFound={t('detail.notFound')}
        back={{ label: t('detail.back'), to: '/quotes' }}
      />
    );
  return <QuoteDetail q={data} />;
}

function QuoteDetail({ q }: { q: Quote }) {
  const { t, i18n } = useTranslation('quotes');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const seesCosts = q.margin !== undefined;
  // A chain of versions shows beside the history; a first version alone has none.
  const versions = q.revision > 1 || q.supersededById !== null;
  const dash = (v: string | null | undefined) => v || '—';
  const when = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');

  const items = [
    { key: 'customer', label: t('fields.customer'), children: <Link to={`/customers/${q.customerId}`}>{q.customerName}</Link> },
    {
      key: 'opportunity',
      label: t('fields.opportunity'),
      children: <Link to={`/opportunities/${q.opportunityId}`}>{q.opportunityName}</Link>,
    },
    { key: 'validUntil', label: t('fields.validUntil'), children: dash(q.validUntil) },
    {
      key: 'owner',
      label: t('fields.owner'),
      children: q.ownerDeptName ? `${dash(q.ownerName)}（${q.ownerDeptName}）` : dash(q.ownerName),
    },
    { key: 'createdAt', label: t('fields.createdAt'), children: when(q.createdAt) },
    ...(q.sentAt ? [{ key: 'sentAt', label: t('fields.sentAt'), children: when(q.sentAt) }] : []),
    ...(q.acceptedAt ? [{ key: 'acceptedAt', label: t('fields.acceptedAt'), children: when(q.acceptedAt) }] : []),
    ...(q.customerRejectReason ? [{ key: 'rejectReason', label: t('fields.rejectReason'), children: q.customerRejectReason }] : []),
  ];
  const text = (v: string | null) =>
    v ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v}</Typography.Paragraph> : '—';

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="quote-detail-number">
              <QuoteNumber number={q.number} revision={q.revision} />
            </span>
            <QuoteStatusTag status={q.status} />
          </Space>
        }
        sub={q.title}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/quotes'))}>
              {t('detail.back')}
            </Button>
            <QuoteActions q={q} />
          </Space>
        }
      />

      {q.status === 'draft' && q.overLimit && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.needsApproval', { limit: quantity(q.discountLimit) })}
          data-testid="quote-needs-approval"
        />
      )}
      {q.supersededById && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.superseded', { revision: q.revision + 1 })}
          action={<Link to={`/quotes/${q.supersededById}`}>{t('detail.openNewer')}</Link>}
        />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card variant="borderless" title={t('detail.info')} style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
          </Card>
        </Col>
        <Col xs={24} xl={8} style={{ marginBottom: 16 }}>
          <ApprovalPanel
            documentType="quote"
            documentId={q.id}
            onChange={() => void qc.invalidateQueries({ queryKey: quoteKeys.detail(q.id) })}
          />
        </Col>
      </Row>

      <Card variant="borderless" title={t('detail.lines')} style={{ marginBottom: 16 }}>
        <QuoteLinesTable quote={q} />
        <div style={{ marginTop: 16 }}>
          <QuoteTotals f={q} showMargin={seesCosts} />
        </div>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={versions ? 16 : 24}>
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }} style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                {
                  key: 'terms',
                  label: `${t('fields.notes')} / ${t('fields.terms')}`,
                  children: (
                    <Descriptions
                      column={1}
                      size="small"
                      items={[
                        { key: 'notes', label: t('fields.notes'), children: text(q.notes) },
                        { key: 'terms', label: t('fields.terms'), children: text(q.terms) },
                      ]}
                    />
                  ),
                },
                {
                  key: 'history',
                  label: t('detail.history'),
                  children: <QuoteHistory id={q.id} />,
                },
              ]}
            />
          </Card>
        </Col>
        {versions && (
          <Col xs={24} xl={8}>
            <QuoteVersions q={q} />
          </Col>
        )}
      </Row>
    </>
  );
}
