import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  FilePdfOutlined,
  PrinterOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Locale } from '@contracts/common.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { formatMoney } from '../../shared/format.js';
import {
  type Quote,
  type QuoteStep,
  quotePdfUrl,
  reloadQuote,
  useDeal,
  useDeleteQuote,
  usePipelineList,
  useQuoteSettings,
  useQuoteStep,
} from './api.js';

/** The buttons the server allows on this quote now (`can.*`), plus print and PDF for everyone who can read it. */
export function QuoteActions({ q }: { q: Quote }) {
  const { t } = useTranslation('quotes');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const conflict = useConflictDialog();
  const step = useQuoteStep();
  const del = useDeleteQuote();
  const [accepting, setAccepting] = useState(false);
  const [rejecting, setRejecting] = useState(false);

  const run = async (name: QuoteStep, extra?: Record<string, unknown>) => {
    try {
      const saved = await step.mutateAsync({ q, step: name, extra });
      if (name === 'submit') message.success(t(saved.status === 'in_approval' ? 'detail.submitted' : 'detail.approvedAtOnce'));
      if (name === 'send') message.success(t('detail.sentDone'));
      if (name === 'accept') message.success(t('detail.acceptedDone'));
      if (name === 'customer-reject') message.success(t('detail.rejectedDone'));
      if (name === 'revise') {
        message.success(t('detail.revisedDone', { revision: saved.revision }));
        navigate(`/quotes/${saved.id}/edit`);
      }
      return true;
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void reloadQuote(qc, q.id));
      else message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  return (
    <Space wrap>
      {q.can.edit && (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/quotes/${q.id}/edit`)} data-testid="quote-edit">
          {t('detail.edit')}
        </Button>
      )}
      {q.can.submit &&
        (q.overLimit ? (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={step.isPending}
            onClick={() => void run('submit')}
            data-testid="quote-submit"
          >
            {t('detail.submit')}
          </Button>
        ) : (
          <Tooltip title={t('detail.submitHint')}>
            <Button icon={<UploadOutlined />} loading={step.isPending} onClick={() => void run('submit')} data-testid="quote-submit">
              {t('detail.submitPlain')}
            </Button>
          </Tooltip>
        ))}
      {q.can.send && (
        <Button type="primary" icon={<SendOutlined />} loading={step.isPending} onClick={() => void run('send')} data-testid="quote-send">
          {t('detail.send')}
        </Button>
      )}
      {q.can.accept && (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setAccepting(true)} data-testid="quote-accept">
          {t('detail.accept')}
        </Button>
      )}
      {q.can.reject && (
        <Button icon={<CloseCircleOutlined />} onClick={() => setRejecting(true)} data-testid="quote-reject">
          {t('detail.reject')}
        </Button>
      )}
      {q.can.revise && (
        <Button icon={<CopyOutlined />} loading={step.isPending} onClick={() => void run('revise')} data-testid="quote-revise">
          {t('detail.revise')}
        </Button>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => navigate(`/quotes/${q.id}/print`)} data-testid="quote-print">
        {t('detail.print')}
      </Button>
      <Button icon={<FilePdfOutlined />} href={quotePdfUrl(q.id)} download data-testid="quote-pdf">
        {t('detail.pdf')}
      </Button>
      {q.can.delete && (
        <Popconfirm
          title={t('detail.deleteConfirm', { number: q.number })}
          okText={t('detail.delete')}
          okButtonProps={{ danger: true, loading: del.isPending }}
          placement="bottomRight"
          onConfirm={async () => {
            await del.mutateAsync(q.id);
            message.success(t('detail.deleted'));
            navigate('/quotes');
          }}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="quote-delete">
            {t('detail.delete')}
          </Button>
        </Popconfirm>
      )}
      {accepting && (
        <AcceptModal
          q={q}
          pending={step.isPending}
          onCancel={() => setAccepting(false)}
          onOk={async (moveOpportunity) => {
            if (await run('accept', { moveOpportunity })) setAccepting(false);
          }}
        />
      )}
      <RejectModal
        open={rejecting}
        pending={step.isPending}
        onCancel={() => setRejecting(false)}
        onOk={async (reason) => {
          if (await run('customer-reject', { reason })) setRejecting(false);
        }}
      />
    </Space>
  );
}

/** 客户接受: the deal's amount becomes the total, and it moves to the stage the settings name for its pipeline. */
function AcceptModal({
  q,
  pending,
  onCancel,
  onOk,
}: {
  q: Quote;
  pending: boolean;
  onCancel: () => void;
  onOk: (moveOpportunity: boolean) => void;
}) {
  const { t, i18n } = useTranslation('quotes');
  const deal = useDeal(q.opportunityId);
  const settings = useQuoteSettings();
  const pipelines = usePipelineList();
  const [move, setMove] = useState(true);
  const pipelineId = deal.data?.pipelineId;
  const stageId = settings.data?.acceptedStages.find((s) => s.pipelineId === pipelineId)?.stageId;
  const stage = pipelines.data?.items.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stageId);
  const stageName = stage && (stage.labels[i18n.language as Locale] || stage.labels['zh-CN']);
  return (
    <Modal
      open
      title={t('detail.acceptTitle')}
      okText={t('detail.accept')}
      onCancel={onCancel}
      onOk={() => onOk(!!stageName && move)}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'quote-accept-ok' }}
    >
      <Typography.Paragraph>{t('detail.acceptAmount', { total: formatMoney(q.total) })}</Typography.Paragraph>
      {stageName ? (
        <Checkbox checked={move} onChange={(e) => setMove(e.target.checked)} data-testid="quote-accept-move">
          {t('detail.acceptStage', { stage: stageName })}
        </Checkbox>
      ) : (
        <Typography.Text type="secondary">{t('detail.acceptNoStage')}</Typography.Text>
      )}
    </Modal>
  );
}

/** 客户拒绝, with the reason the customer gave (it stays on the quote). */
function RejectModal({
  open,
  pending,
  onCancel,
  onOk,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onOk: (reason: string) => void;
}) {
  const { t } = useTranslation('quotes');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('detail.rejectTitle')}
      okText={t('detail.reject')}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => onOk((await form.validateFields()).reason.trim())}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('detail.rejectReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('detail.rejectPlaceholder')} data-testid="quote-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
