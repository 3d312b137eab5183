import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { type QuoteRow, useQuotes } from './api.js';
import { percent, QuoteNumber, QuoteStatusTag } from './quote-labels.js';

/** The 报价单 card on an opportunity's page: the deal's quotes (newest version of each) and 新建报价单. */
export function OpportunityQuotes({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation('quotes');
  const { can } = useAuth();
  const navigate = useNavigate();
  const allowed = can('quotes', 'view');
  const { data, isLoading } = useQuotes({ opportunityId, pageSize: 50, sort: '-updatedAt' }, allowed);
  if (!allowed) return null;
  return (
    <Card
      variant="borderless"
      title={
        <>
          <FileTextOutlined style={{ marginInlineEnd: 8 }} />
          {t('opportunityCard.title')}
        </>
      }
      extra={
        can('quotes', 'create') && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/quotes/new?opportunityId=${opportunityId}`)}
            data-testid="opportunity-quote-new"
          >
            {t('opportunityCard.new')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="opportunity-quotes"
    >
      <Table<QuoteRow>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opportunityCard.empty')} /> }}
        columns={[
          {
            key: 'number',
            title: t('fields.number'),
            render: (_, q) => (
              <Link to={`/quotes/${q.id}`}>
                <QuoteNumber number={q.number} revision={q.revision} />
              </Link>
            ),
          },
          { key: 'title', title: t('fields.title'), ellipsis: true, render: (_, q) => q.title },
          { key: 'total', title: t('fields.total'), align: 'right', className: 'money', render: (_, q) => formatMoney(q.total) },
          { key: 'maxDiscount', title: t('fields.maxDiscount'), align: 'right', render: (_, q) => percent(q.maxDiscount) },
          { key: 'status', title: t('fields.status'), render: (_, q) => <QuoteStatusTag status={q.status} /> },
          { key: 'validUntil', title: t('fields.validUntil'), render: (_, q) => q.validUntil ?? '—' },
        ]}
      />
    </Card>
  );
}
