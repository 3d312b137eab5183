import { Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/dates.js';
import type { ApprovalRequest } from './api.js';
import { ModeTag } from './approval-labels.js';
import { type StepView, stepStatus, stepViews } from './step-states.js';

type Task = ApprovalRequest['tasks'][number];

const TASK_COLOR: Record<Task['status'], string> = {
  waiting: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
};

function TaskLine({ task }: { task: Task }) {
  const { t, i18n } = useTranslation('approvals');
  const decided = task.status === 'approved' || task.status === 'rejected';
  return (
    <div className="approval-task" data-testid="approval-task">
      <Space size={6} wrap>
        <Tag color={TASK_COLOR[task.status]} style={{ marginInlineEnd: 0 }}>
          {t(`task.status.${task.status}`)}
        </Tag>
        {decided && task.actedBy ? (
          <Typography.Text>{task.actedBy.name}</Typography.Text>
        ) : (
          <Typography.Text type={task.status === 'cancelled' ? 'secondary' : undefined}>
            {t('task.approvers', { names: task.approvers.map((a) => a.name).join('、') })}
          </Typography.Text>
        )}
        {task.actedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(task.actedAt, i18n.language)}
          </Typography.Text>
        )}
        {task.viaFallback && <Tag color="orange">{t('task.viaFallback')}</Tag>}
      </Space>
      {task.comment && (
        <Typography.Paragraph
          type={task.status === 'rejected' ? 'danger' : 'secondary'}
          className="approval-comment"
          style={{ marginBottom: 0 }}
        >
          {task.comment}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function stepContent(step: StepView) {
  if (step.tasks.length === 0) return null;
  return (
    <div style={{ paddingBottom: 8 }}>
      {step.tasks.map((task) => (
        <TaskLine key={task.id} task={task} />
      ))}
    </div>
  );
}

/**
 * Every step of the request's flow, in order: skipped ones greyed as 不适用, the current one in
 * progress, each with its approvers, who decided when and what they wrote.
 */
export function ApprovalSteps({ request, size }: { request: ApprovalRequest; size?: 'small' }) {
  const { t } = useTranslation('approvals');
  const views = stepViews(request);
  const current = views.findIndex((v) => v.state === 'current' || v.state === 'rejected' || v.state === 'withdrawn');
  return (
    <Steps
      orientation="vertical"
      size={size}
      current={current >= 0 ? current : views.length}
      data-testid="approval-steps"
      items={views.map((step) => ({
        key: step.index,
        status: stepStatus(step.state),
        title: (
          <Space size={8}>
            <Typography.Text delete={step.state === 'skipped'} type={step.state === 'skipped' ? 'secondary' : undefined}>
              {step.name}
            </Typography.Text>
            <ModeTag mode={step.mode} />
          </Space>
        ),
        subTitle: <span data-testid="approval-step-state">{t(`step.state.${step.state}`)}</span>,
        content: stepContent(step),
      }))}
    />
  );
}
