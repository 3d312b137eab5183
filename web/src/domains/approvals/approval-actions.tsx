import { CheckOutlined, CloseOutlined, MessageOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { applyApiError } from '../../shared/api-form.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { type ApprovalAction, type ApprovalRequest, useApprovalAction } from './api.js';

type Dialog = 'approve' | 'reject' | 'comment' | 'reassign';
const COMMENT_MAX = 1000;

interface DialogValues {
  comment?: string;
  taskId?: string;
  userId?: string;
}

export interface ApprovalActionsProps {
  request: ApprovalRequest;
  /** After a decision, with the request as it now stands (the host page refetches its document). */
  onDone?: (request: ApprovalRequest) => void;
  size?: 'small';
}

/** The buttons the caller may press now (同意 / 驳回 / 撤回 / 转交, and 评论 always), with their dialogs. */
export function ApprovalActions({ request, onDone, size }: ApprovalActionsProps) {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const act = useApprovalAction(request.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const { can } = request;
  const openTasks = request.tasks.filter((task) => task.status === 'pending' && task.step === request.currentStep);

  const run = async (action: ApprovalAction, done: string) => {
    try {
      const r = await act.mutateAsync(action);
      setDialog(null);
      message.success(done);
      onDone?.(r);
    } catch (e) {
      // Decided by someone else meanwhile (409) or no longer ours (404): the dialog has nothing left to do.
      if (e instanceof ApiError && (e.status === 409 || e.status === 404 || e.status === 403)) {
        setDialog(null);
        message.error(e.message);
        return;
      }
      const msg = applyApiError(form, e);
      if (msg) message.error(msg);
    }
  };

  const open = (d: Dialog) => {
    form.resetFields();
    if (d === 'reassign' && openTasks.length === 1) form.setFieldsValue({ taskId: openTasks[0].id });
    setDialog(d);
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !dialog) return;
    const comment = v.comment?.trim() || null;
    if (dialog === 'approve') await run({ kind: 'approve', comment }, t('actions.approved'));
    if (dialog === 'reject') await run({ kind: 'reject', comment: comment ?? '' }, t('actions.rejected'));
    if (dialog === 'comment') await run({ kind: 'comment', comment: comment ?? '' }, t('actions.commented'));
    if (dialog === 'reassign' && v.taskId && v.userId) {
      await run({ kind: 'reassign', taskId: v.taskId, userId: v.userId, comment }, t('actions.reassigned'));
    }
  };

  const titles: Record<Dialog, string> = {
    approve: t('actions.approveTitle', { title: request.title }),
    reject: t('actions.rejectTitle', { title: request.title }),
    comment: t('actions.commentTitle'),
    reassign: t('actions.reassignTitle'),
  };
  const commentRequired = dialog === 'reject' || dialog === 'comment';
  const commentLabel =
    dialog === 'reject'
      ? t('actions.rejectReason')
      : dialog === 'approve'
        ? t('actions.approveComment')
        : dialog === 'reassign'
          ? t('actions.reassignComment')
          : undefined;
  const placeholder =
    dialog === 'reject'
      ? t('actions.rejectPlaceholder')
      : dialog === 'approve'
        ? t('actions.approvePlaceholder')
        : dialog === 'reassign'
          ? t('actions.reassignPlaceholder')
          : t('actions.commentPlaceholder');

  return (
    <>
      <Space wrap size={size === 'small' ? 6 : 8} data-testid="approval-actions">
        {can.approve && (
          <Button type="primary" size={size} icon={<CheckOutlined />} onClick={() => open('approve')} data-testid="approval-approve">
            {t('actions.approve')}
          </Button>
        )}
        {can.reject && (
          <Button danger size={size} icon={<CloseOutlined />} onClick={() => open('reject')} data-testid="approval-reject">
            {t('actions.reject')}
          </Button>
        )}
        {can.withdraw && (
          <Popconfirm
            title={t('actions.withdrawConfirm')}
            description={t('actions.withdrawHint')}
            okText={t('actions.withdraw')}
            okButtonProps={{ danger: true, loading: act.isPending }}
            onConfirm={() => run({ kind: 'withdraw' }, t('actions.withdrawn'))}
          >
            <Button size={size} icon={<RollbackOutlined />} data-testid="approval-withdraw">
              {t('actions.withdraw')}
            </Button>
          </Popconfirm>
        )}
        {can.reassign && openTasks.length > 0 && (
          <Button size={size} icon={<SwapOutlined />} onClick={() => open('reassign')} data-testid="approval-reassign">
            {t('actions.reassign')}
          </Button>
        )}
        <Button size={size} icon={<MessageOutlined />} onClick={() => open('comment')} data-testid="approval-comment">
          {t('actions.comment')}
        </Button>
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : undefined}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText={dialog && dialog !== 'comment' ? t(`actions.${dialog}`) : tc('actions.confirm')}
        okButtonProps={{ danger: dialog === 'reject', loading: act.isPending }}
        cancelText={tc('actions.cancel')}
        // Rendered while closed too, so the form is connected when a dialog opens and resets it.
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="approval-dialog">
          {dialog === 'reassign' && (
            <>
              {openTasks.length > 1 && (
                <Form.Item name="taskId" label={t('actions.reassignTask')} rules={[{ required: true }]}>
                  <Select options={openTasks.map((task) => ({ value: task.id, label: task.approvers.map((a) => a.name).join('、') }))} />
                </Form.Item>
              )}
              {openTasks.length <= 1 && (
                <Form.Item name="taskId" hidden>
                  <Input />
                </Form.Item>
              )}
              <Form.Item
                name="userId"
                label={t('actions.reassignTo')}
                rules={[{ required: true, message: t('actions.reassignToRequired') }]}
              >
                <OwnerSelect />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="comment"
            label={commentLabel}
            extra={dialog === 'reject' ? t('actions.rejectHint') : undefined}
            rules={
              commentRequired
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: dialog === 'reject' ? t('actions.rejectReasonRequired') : t('actions.commentRequired'),
                    },
                  ]
                : []
            }
          >
            <Input.TextArea rows={4} maxLength={COMMENT_MAX} showCount placeholder={placeholder} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
