import { ArrowLeftOutlined } from '@ant-design/icons';
import { EXPENSE_RECEIPT_EXTENSIONS, EXPENSE_RECEIPT_PURPOSE } from '@contracts/expenses.js';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { Attachments } from '../../shared/attachments.js';
import { formatDateTime } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { PageHeader } from '../../shared/page-header.js';
import { RecordPageState } from '../../shared/record-page-state.js';
import { ApprovalPanel } from '../approvals/public.js';
import { afterExpenseChange, type Expense, reloadExpense, useExpense } from './api.js';
import { ExpenseActions } from './expense-actions.js';
import { ExpenseStatusTag, useCategoryLabel } from './expense-labels.js';

const ACCEPT = EXPENSE_RECEIPT_EXTENSIONS.map((e) => `.${e}`).join(',');

export function ExpenseDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('expenses');
  const { data, isLoading, error } = useExpense(id);
  if (!data)
    return (
      <RecordPageState
        isLoading={isLoading}
        error={error}
        notFound={t('detail.notFound')}
        back={{ label: t('detail.back'), to: '/expenses' }}
      />
    );
  return <ExpenseDetail e={data} />;
}

function ExpenseDetail({ e }: { e: Expense }) {
  const { t, i18n } = useTranslation('expenses');
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const category = useCategoryLabel();
  const refresh = () => void afterExpenseChange(qc).then(() => reloadExpense(qc, e.id));
  const when = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');
  const open = e.status === 'draft' || e.status === 'rejected';

  const items = [
    { key: 'customer', label: t('fields.customer'), children: <Link to={`/customers/${e.customerId}`}>{e.customerName}</Link> },
    { key: 'category', label: t('fields.category'), children: category(e.category) },
    { key: 'amount', label: t('fields.amount'), children: <strong data-testid="expense-amount-shown">{formatMoney(e.amount)}</strong> },
    { key: 'spentOn', label: t('fields.spentOn'), children: e.spentOn },
    {
      key: 'opportunity',
      label: t('fields.opportunity'),
      children: e.opportunityId ? <Link to={`/opportunities/${e.opportunityId}`}>{e.opportunityName}</Link> : '—',
    },
    {
      key: 'contract',
      label: t('fields.contract'),
      children: e.contractId ? <Link to={`/contracts/${e.contractId}`}>{e.contractNumber}</Link> : '—',
    },
    {
      key: 'owner',
      label: t('fields.owner'),
      children: e.ownerDeptName ? `${e.ownerName ?? '—'}（${e.ownerDeptName}）` : (e.ownerName ?? '—'),
    },
    { key: 'createdAt', label: t('fields.createdAt'), children: when(e.createdAt) },
    ...(e.submittedAt ? [{ key: 'submittedAt', label: t('fields.submittedAt'), children: when(e.submittedAt) }] : []),
    ...(e.approvedAt ? [{ key: 'approvedAt', label: t('fields.approvedAt'), children: when(e.approvedAt) }] : []),
  ];
  const fieldLabel = (f: string) => {
    const key = f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/Id$/, '');
    return i18n.exists(`expenses:fields.${key}`) ? t(`fields.${key}`) : f;
  };
  const valueLabel = (f: string, v: unknown) => {
    if (typeof v !== 'string') return undefined;
    if (f === 'status' && i18n.exists(`expenses:status.${v}`)) return t(`status.${v}`);
    if (f === 'category') return category(v);
    if (f === 'amount') return formatMoney(v);
    return undefined;
  };

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="expense-detail-number">{e.number}</span>
            <ExpenseStatusTag status={e.status} />
          </Space>
        }
        sub={
          <Space size={8} wrap>
            <Link to={`/customers/${e.customerId}`}>{e.customerName}</Link>
            <span>·</span>
            <span>{category(e.category)}</span>
            <span>·</span>
            <strong>{formatMoney(e.amount)}</strong>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/expenses'))}>
              {t('detail.back')}
            </Button>
            <ExpenseActions expense={e} />
          </Space>
        }
      />
      {e.status === 'in_approval' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('detail.locked')} />}
      {e.status === 'approved' && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('detail.approved')} data-testid="expense-approved" />
      )}
      {e.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.rejected')}
          description={e.rejectReason && `${t('fields.rejectReason')}：${e.rejectReason}`}
          data-testid="expense-rejected"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card variant="borderless" title={t('fields.description')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.description}</Typography.Paragraph>
          </Card>
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }} style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                {
                  key: 'receipts',
                  label: t('detail.receipts'),
                  children: (
                    <Attachments
                      ownerEntity="expense"
                      ownerId={e.id}
                      purpose={EXPENSE_RECEIPT_PURPOSE}
                      accept={ACCEPT}
                      canEdit={can('expenses', 'edit') && open && e.can.edit}
                    />
                  ),
                },
                {
                  key: 'history',
                  label: t('detail.history'),
                  children: <HistoryTimeline plural="expenses" id={e.id} fieldLabel={fieldLabel} valueLabel={valueLabel} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={t('detail.info')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" items={items} />
          </Card>
          <ApprovalPanel documentType="expense" documentId={e.id} onChange={refresh} />
        </Col>
      </Row>
    </>
  );
}
