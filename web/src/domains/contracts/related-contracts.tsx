import { FileProtectOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { formatMoney } from '../../shared/format.js';
import { type ContractRow, useAcceptedQuotes, useContracts } from './api.js';
import { ContractProgress, ContractStatusTag } from './contract-labels.js';

function ContractsTable({ rows, loading, empty }: { rows: ContractRow[]; loading: boolean; empty: string }) {
  const { t } = useTranslation('contracts');
  return (
    <Table<ContractRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      columns={[
        { key: 'number', title: t('fields.number'), render: (_, c) => <Link to={`/contracts/${c.id}`}>{c.number}</Link> },
        { key: 'title', title: t('fields.title'), ellipsis: true, render: (_, c) => c.title },
        { key: 'signDate', title: t('fields.signDate'), render: (_, c) => c.signDate ?? '—' },
        { key: 'amount', title: t('fields.amount'), align: 'right', className: 'money', render: (_, c) => formatMoney(c.amount) },
        { key: 'progress', title: t('fields.progress'), render: (_, c) => <ContractProgress value={c.progress} width={110} /> },
        { key: 'status', title: t('fields.status'), render: (_, c) => <ContractStatusTag status={c.status} /> },
      ]}
    />
  );
}

/** C8 customer 360: the customer's contracts with status, amount and progress, and 新建合同 by hand. */
export function CustomerContracts({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation('contracts');
  const { can } = useAuth();
  const navigate = useNavigate();
  const allowed = can('contracts', 'view');
  const { data, isLoading } = useContracts({ customerId: customer.id, pageSize: 100, sort: '-updatedAt' }, allowed);
  if (!allowed) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', paddingTop: 8 }} data-testid="customer-contracts">
      {can('contracts', 'create') && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => navigate(`/contracts/new?customerId=${customer.id}`)}
          data-testid="customer-contract-new"
        >
          {t('list.new')}
        </Button>
      )}
      <ContractsTable rows={data?.items ?? []} loading={isLoading} empty={t('related.customerEmpty')} />
    </Space>
  );
}

/**
 * The 合同 card on an opportunity's page. 生成合同 starts from the deal's accepted quote (报价单同步到合同)
 * when there is one, otherwise a contract by hand for the deal's customer.
 */
export function OpportunityContracts({ opportunityId, customerId }: { opportunityId: string; customerId: string }) {
  const { t } = useTranslation('contracts');
  const { can } = useAuth();
  const navigate = useNavigate();
  const allowed = can('contracts', 'view');
  const { data, isLoading } = useContracts({ opportunityId, pageSize: 50, sort: '-updatedAt' }, allowed);
  const creates = allowed && can('contracts', 'create');
  const accepted = useAcceptedQuotes(opportunityId, creates && can('quotes', 'view'));
  if (!allowed) return null;
  // A quote already made into a (live) contract is not offered again.
  const used = new Set((data?.items ?? []).filter((c) => c.status !== 'voided').map((c) => c.quoteId));
  const quote = accepted.data?.items.find((q) => !used.has(q.id));
  const create = () =>
    navigate(quote ? `/contracts/new?quoteId=${quote.id}` : `/contracts/new?customerId=${customerId}&opportunityId=${opportunityId}`);
  return (
    <Card
      variant="borderless"
      title={
        <>
          <FileProtectOutlined style={{ marginInlineEnd: 8 }} />
          {t('related.title')}
        </>
      }
      extra={
        creates && (
          <Button size="small" icon={<PlusOutlined />} onClick={create} data-testid="opportunity-contract-new">
            {quote ? t('related.fromQuote', { number: quote.number }) : t('list.new')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="opportunity-contracts"
    >
      <ContractsTable rows={data?.items ?? []} loading={isLoading} empty={t('related.opportunityEmpty')} />
    </Card>
  );
}
