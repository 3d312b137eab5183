import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/dates.js';
import type { ApprovalRequest } from './api.js';
import './approvals.css';

type Action = ApprovalRequest['history'][number];

const KIND_COLOR: Record<Action['kind'], string> = {
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  withdraw: 'gray',
  comment: 'gray',
  reassign: 'orange',
  fallback: 'orange',
  approved: 'green',
  skip: 'gray',
};

/** What happened to the request, oldest first: 提交, 同意, 驳回 with the reason, 撤回, 评论, 转交, 备用审批人, 审批通过. */
export function ApprovalHistory({ request }: { request: ApprovalRequest }) {
  const { t, i18n } = useTranslation('approvals');
  if (request.history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  const stepName = (a: Action) => (a.step !== null ? request.steps[a.step]?.name : undefined);
  return (
    <Timeline
      data-testid="approval-history"
      items={request.history.map((a) => {
        // The engine's own entries (fallback, the final approval) have no actor; they read as a sentence.
        const systemLine = a.actor === null;
        const step = stepName(a);
        return {
          key: a.id,
          color: KIND_COLOR[a.kind],
          content: (
            <div>
              {systemLine ? (
                <Typography.Text strong>{t(`history.kind.${a.kind}`)}</Typography.Text>
              ) : (
                <>
                  <Typography.Text strong>{a.actor?.name}</Typography.Text> <Typography.Text>{t(`history.kind.${a.kind}`)}</Typography.Text>
                </>
              )}
              {step && a.kind !== 'comment' && <Typography.Text type="secondary">{t('history.step', { step })}</Typography.Text>}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(a.at, i18n.language)}
                </Typography.Text>
              </div>
              {a.comment && (
                <Typography.Paragraph
                  type={a.kind === 'reject' ? 'danger' : undefined}
                  className="approval-comment"
                  style={{ marginBottom: 0 }}
                >
                  {a.kind === 'reject' ? t('history.rejectReason', { comment: a.comment }) : a.comment}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
