import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import type { TabRecord } from '../../app/record-tabs.js';
import { formatMoney } from '../../shared/format.js';
import { type ExpenseRow, useCustomerExpenseSummary, useExpenses } from './api.js';
import { ExpenseFormDrawer } from './expense-form.js';
import { ExpenseStatusTag, useCategoryLabel } from './expense-labels.js';

/**
 * Seed 000 "how much have we spent on this customer?": the customer's 费用 tab — approved (counted)
 * and pending totals, and its claims, newest first, as far as the user may see them.
 */
export function CustomerExpensesTab({ record }: { record: TabRecord }) {
  const { t } = useTranslation('expenses');
  const { can } = useAuth();
  const navigate = useNavigate();
  const category = useCategoryLabel();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const summary = useCustomerExpenseSummary(record.id);
  const claims = useExpenses({ customerId: record.id, page, pageSize: 10, sort: '-spentOn' });

  const columns: ColumnsType<ExpenseRow> = [
    { key: 'number', title: t('fields.number'), render: (_, e) => <Link to={`/expenses/${e.id}`}>{e.number}</Link> },
    { key: 'spentOn', title: t('fields.spentOn'), dataIndex: 'spentOn' },
    { key: 'category', title: t('fields.category'), render: (_, e) => category(e.category) },
    { key: 'amount', title: t('fields.amount'), align: 'right', render: (_, e) => <span className="money">{formatMoney(e.amount)}</span> },
    { key: 'status', title: t('fields.status'), render: (_, e) => <ExpenseStatusTag status={e.status} /> },
    { key: 'owner', title: t('fields.owner'), dataIndex: 'ownerName', responsive: ['md'] },
    { key: 'description', title: t('fields.description'), dataIndex: 'description', ellipsis: true, responsive: ['lg'] },
  ];

  return (
    <div data-testid="customer-expenses">
      <Row gutter={16} style={{ marginBottom: 16 }} align="middle">
        <Col xs={12} md={8}>
          <Card size="small" variant="borderless" style={{ background: '#f6ffed' }}>
            {summary.data ? (
              <Statistic
                title={`${t('customerTab.approved')} · ${t('customerTab.claims', { count: summary.data.approvedCount })}`}
                value={formatMoney(summary.data.approved)}
                valueStyle={{ color: '#389e0d', fontSize: 22 }}
                data-testid="customer-expenses-approved"
              />
            ) : (
              <Skeleton active paragraph={false} />
            )}
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small" variant="borderless" style={{ background: '#e6f4ff' }}>
            {summary.data ? (
              <Statistic
                title={`${t('customerTab.pending')} · ${t('customerTab.claims', { count: summary.data.pendingCount })}`}
                value={formatMoney(summary.data.pending)}
                valueStyle={{ color: '#0958d9', fontSize: 22 }}
                data-testid="customer-expenses-pending"
              />
            ) : (
              <Skeleton active paragraph={false} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={8} style={{ textAlign: 'right', marginTop: 8 }}>
          {can('expenses', 'create') && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-expense-new">
              {t('customerTab.new')}
            </Button>
          )}
        </Col>
      </Row>
      <Table<ExpenseRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={claims.data?.items}
        loading={claims.isFetching}
        onRow={(e) => ({ onClick: () => navigate(`/expenses/${e.id}`), style: { cursor: 'pointer' } })}
        pagination={
          (claims.data?.total ?? 0) > 10
            ? { current: page, pageSize: 10, total: claims.data?.total, onChange: setPage, showSizeChanger: false }
            : false
        }
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: claims.isLoading ? <div style={{ height: 60 }} /> : <Empty description={t('customerTab.empty')} /> }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('customerTab.hint')} <Link to={`/expenses?customerId=${record.id}`}>{t('customerTab.all')}</Link>
      </Typography.Paragraph>
      <ExpenseFormDrawer open={creating} customer={{ id: record.id, name: record.name }} onClose={() => setCreating(false)} />
    </div>
  );
}
