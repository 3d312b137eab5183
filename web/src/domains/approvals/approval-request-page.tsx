import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Result, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api-client.js';
import { formatDateTime } from '../../shared/dates.js';
import { formatMoney } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { type ApprovalRequest, useApprovalRequest } from './api.js';
import { ApprovalActions } from './approval-actions.js';
import { ApprovalHistory } from './approval-history.js';
import { ApprovalStatusTag } from './approval-labels.js';
import { ApprovalSteps } from './approval-steps.js';

/** Q3: one request — where the notifications link to. */
export function ApprovalRequestPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('approvals');
  const navigate = useNavigate();
  const { data, isLoading, error } = useApprovalRequest(id);
  if (isLoading)
    return (
      <Card variant="borderless" data-testid="approval-loading">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (!data) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <Card variant="borderless">
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? '404' : t('request.loadFailed')}
          subTitle={missing ? t('request.notFound') : error?.message}
          extra={<Button onClick={() => navigate('/approvals')}>{t('request.back')}</Button>}
        />
      </Card>
    );
  }
  return <RequestDetail r={data} />;
}

function RequestDetail({ r }: { r: ApprovalRequest }) {
  const { t, i18n } = useTranslation('approvals');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/approvals')} aria-label={t('request.back')} />
            <span>{t('request.heading', { type: r.documentLabel, title: r.title })}</span>
            <ApprovalStatusTag status={r.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {r.link && (
              <Link to={r.link}>
                <Button icon={<ExportOutlined />} data-testid="approval-open-document">
                  {t('openDocument')}
                </Button>
              </Link>
            )}
            <ApprovalActions request={r} />
          </Space>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 4 }}
          size="small"
          items={[
            { key: 'type', label: t('columns.documentType'), children: r.documentLabel },
            { key: 'amount', label: t('columns.amount'), children: <span className="money">{formatMoney(r.amount)}</span> },
            { key: 'submitter', label: t('columns.submitter'), children: r.submitter.name },
            { key: 'submittedAt', label: t('columns.submittedAt'), children: formatDateTime(r.submittedAt, i18n.language) },
            { key: 'round', label: t('request.roundLabel'), children: t('request.round', { round: r.round }) },
            ...(r.finishedAt
              ? [{ key: 'finishedAt', label: t('columns.finishedAt'), children: formatDateTime(r.finishedAt, i18n.language) }]
              : []),
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('request.progress')}>
            <ApprovalSteps request={r} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('request.history')}>
            <ApprovalHistory request={r} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
