import { AuditOutlined } from '@ant-design/icons';
import { Alert, Card, Collapse, Empty, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/dates.js';
import { useDocumentApproval } from './api.js';
import { ApprovalActions } from './approval-actions.js';
import { ApprovalHistory } from './approval-history.js';
import { ApprovalStatusTag } from './approval-labels.js';
import { ApprovalSteps } from './approval-steps.js';

export interface ApprovalPanelProps {
  /** The registered document type, e.g. 'quote'. */
  documentType: string;
  documentId: string;
  /** After an approval action here; the host page refetches its document (its status changed). */
  onChange?: () => void;
}

/**
 * Q3: a document's newest approval in a compact card for its detail page — steps, actions, history.
 * Works on its own with the two props; its query key (['approvals', 'document', type, id]) is
 * refreshed by any action, so the host only needs onChange for its own record.
 */
export function ApprovalPanel({ documentType, documentId, onChange }: ApprovalPanelProps) {
  const { t, i18n } = useTranslation('approvals');
  const { data: request, isLoading, isError, error } = useDocumentApproval(documentType, documentId);

  const title = (
    <Space size={8}>
      <AuditOutlined />
      {t('request.panelTitle')}
      {request && <ApprovalStatusTag status={request.status} />}
    </Space>
  );
  const extra = request && <Link to={`/approvals/${request.id}`}>{t('request.openInCenter')}</Link>;

  let body: ReactNode;
  if (isLoading) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (isError) body = <Alert type="error" showIcon title={t('request.loadFailed')} description={error?.message} />;
  else if (!request) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('request.notSubmitted')} />;
  else
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 12 }}>
          {t('request.submitted', { name: request.submitter.name, at: formatDateTime(request.submittedAt, i18n.language) })}
          {request.round > 1 && ` · ${t('request.round', { round: request.round })}`}
          {request.finishedAt && ` · ${t('request.finished', { at: formatDateTime(request.finishedAt, i18n.language) })}`}
        </Typography.Paragraph>
        <ApprovalSteps request={request} size="small" />
        <div style={{ marginTop: 4 }}>
          <ApprovalActions request={request} size="small" onDone={() => onChange?.()} />
        </div>
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 12, marginInline: -16 }}
          items={[
            {
              key: 'history',
              label: t('request.historyCount', { count: request.history.length }),
              children: <ApprovalHistory request={request} />,
            },
          ]}
        />
      </>
    );

  return (
    <Card size="small" title={title} extra={extra} data-testid="approval-panel">
      {body}
    </Card>
  );
}
