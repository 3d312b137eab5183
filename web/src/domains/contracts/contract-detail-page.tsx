import { RecordPageState } from '../../shared/record-page-state.js';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { useRecordTabs } from '../../app/record-tabs.js';
import { Attachments } from '../../shared/attachments.js';
import { formatDateTime } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { ApprovalPanel } from '../approvals/public.js';
import { type Contract, refreshContract, useContract } from './api.js';
import { ContractActions } from './contract-actions.js';
import { AmendmentList } from './contract-amendments.js';
import { ContractHistory } from './contract-history.js';
import { ContractProgress, ContractStatusTag } from './contract-labels.js';
import { ContractLinesTable, type ShownLine } from './contract-lines-table.js';
import { ProgressModal } from './contract-modals.js';

export function ContractDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('contracts');
  const { data, isLoading, error } = useContract(id);
  if (!data)
    return (
      <RecordPageState
        isLoading={isLoading}
        error={error}
        notFound={t('detail.notFound')}
        back={{ label: t('detail.back'), to: '/contracts' }}
      />
    );
  return <ContractDetail c={data} />;
}

function ContractDetail({ c }: { c: Contract }) {
  const { t, i18n } = useTranslation('contracts');
  const { can } = useAuth();
  const registeredTabs = useRecordTabs('contract', { id: c.id, name: c.title, customerId: c.customerId, status: c.status });
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [recording, setRecording] = useState<ShownLine | null>(null);
  const refresh = () => void refreshContract(qc, c.id);
  const dash = (v: string | null | undefined) => v || '—';
  const when = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');
  const text = (v: string | null) =>
    v ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v}</Typography.Paragraph> : '—';
  const ended = c.status === 'terminated' || c.status === 'voided';
  // Progress means something once the contract is in force (Q5); a draft has none to show.
  const executing = c.status === 'effective' || ended;
  const onRecord = c.can.recordProgress ? setRecording : undefined;

  const items = [
    { key: 'customer', label: t('fields.customer'), children: <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link> },
    {
      key: 'opportunity',
      label: t('fields.opportunity'),
      children: c.opportunityId ? <Link to={`/opportunities/${c.opportunityId}`}>{c.opportunityName}</Link> : '—',
    },
    {
      key: 'quote',
      label: t('fields.quote'),
      children: c.quoteId ? <Link to={`/quotes/${c.quoteId}`}>{c.quoteNumber ?? c.quoteId}</Link> : t('detail.byHand'),
    },
    { key: 'amount', label: t('fields.amount'), children: <strong data-testid="contract-amount">{formatMoney(c.amount)}</strong> },
    { key: 'taxTotal', label: t('fields.taxTotal'), children: formatMoney(c.taxTotal) },
    ...(Number(c.wholeDiscount) ? [{ key: 'wholeDiscount', label: t('fields.wholeDiscount'), children: `${c.wholeDiscount}%` }] : []),
    ...(c.margin !== undefined ? [{ key: 'margin', label: t('fields.margin'), children: formatMoney(c.margin) }] : []),
    { key: 'signDate', label: t('fields.signDate'), children: dash(c.signDate) },
    {
      key: 'period',
      label: t('fields.period'),
      children: c.startDate || c.endDate ? `${dash(c.startDate)} ~ ${dash(c.endDate)}` : '—',
    },
    {
      key: 'owner',
      label: t('fields.owner'),
      children: c.ownerDeptName ? `${dash(c.ownerName)}（${c.ownerDeptName}）` : dash(c.ownerName),
    },
    { key: 'createdAt', label: t('fields.createdAt'), children: when(c.createdAt) },
    ...(c.effectiveAt ? [{ key: 'effectiveAt', label: t('fields.effectiveAt'), children: when(c.effectiveAt) }] : []),
    ...(c.endedAt ? [{ key: 'endedAt', label: t('fields.endedAt'), children: when(c.endedAt) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="contract-detail-number">{c.number}</span>
            <ContractStatusTag status={c.status} />
          </Space>
        }
        sub={
          <Space size={8} wrap>
            <span>{c.title}</span>
            <span>·</span>
            <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
            <span>·</span>
            <strong>{formatMoney(c.amount)}</strong>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/contracts'))}>
              {t('detail.back')}
            </Button>
            <ContractActions contract={c} />
          </Space>
        }
      />

      {c.status === 'in_approval' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('detail.locked')} />}
      {c.status === 'effective' && !c.endRequest && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('detail.frozen')} data-testid="contract-frozen" />
      )}
      {c.endRequest && !ended && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.endPending', { kind: t(`end.${c.endRequest}`) })}
          description={c.endReason}
          data-testid="contract-end-pending"
        />
      )}
      {ended && (
        <Alert
          type={c.status === 'voided' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.ended', { status: t(`status.${c.status}`) })}
          description={c.endReason}
        />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card
            variant="borderless"
            title={t('detail.lines')}
            extra={
              executing && (
                <Space size={8}>
                  <Typography.Text type="secondary">{t('detail.totalProgress')}</Typography.Text>
                  <ContractProgress value={c.progress} width={160} />
                </Space>
              )
            }
            style={{ marginBottom: 16 }}
          >
            <ContractLinesTable lines={c.lines} withProgress={executing} onRecord={onRecord} />
          </Card>
          <AmendmentList contract={c} onRecord={onRecord} />
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }} style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                {
                  key: 'terms',
                  label: `${t('fields.paymentTerms')} / ${t('fields.notes')}`,
                  children: (
                    <Descriptions
                      column={1}
                      size="small"
                      items={[
                        { key: 'paymentTerms', label: t('fields.paymentTerms'), children: text(c.paymentTerms) },
                        { key: 'notes', label: t('fields.notes'), children: text(c.notes) },
                      ]}
                    />
                  ),
                },
                {
                  key: 'files',
                  label: t('detail.attachments'),
                  children: (
                    <Attachments
                      ownerEntity="contract"
                      ownerId={c.id}
                      purpose="contract"
                      accept=".pdf,.jpg,.jpeg,.png,.webp,.zip,.doc,.docx"
                      canEdit={can('contracts', 'edit') && !ended}
                    />
                  ),
                },
                ...registeredTabs,
                { key: 'history', label: t('detail.history'), children: <ContractHistory id={c.id} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card variant="borderless" title={t('detail.info')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" items={items} />
          </Card>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ApprovalPanel documentType="contract" documentId={c.id} onChange={refresh} />
            {(c.endRequest || ended) && (
              <div data-testid="contract-end-approval">
                <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
                  {t('detail.endApproval')}
                </Typography.Text>
                <ApprovalPanel documentType="contract_end" documentId={c.id} onChange={refresh} />
              </div>
            )}
          </Space>
        </Col>
      </Row>

      <ProgressModal contract={c} line={recording} onClose={() => setRecording(null)} />
    </>
  );
}
