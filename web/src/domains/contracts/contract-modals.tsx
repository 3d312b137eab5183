import { App, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../shared/api-form.js';
import { companyToday } from '../../shared/dates.js';
import { DateField } from '../../shared/form-kit/index.js';
import { type Contract, useContractStep } from './api.js';
import type { ShownLine } from './contract-lines-table.js';

const REASON_MAX = 500;

/** 终止 / 作废 an effective contract: a required reason, then its own approval decides (contract_end). */
export function EndContractModal({ contract, open, onClose }: { contract: Contract; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'terminate' | 'void'; reason: string }>();
  const step = useContractStep();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await step.mutateAsync({ id: contract.id, path: 'end', body: { version: contract.version, kind: v.kind, reason: v.reason.trim() } });
      message.success(t('end.submitted'));
      onClose();
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Modal
      open={open}
      title={t('end.title', { number: contract.number })}
      okText={t('end.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'contract-end-ok' }}
      confirmLoading={step.isPending}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'terminate' }}>
        <Form.Item name="kind" label={t('end.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'terminate', label: t('end.terminate') },
              { value: 'void', label: t('end.void') },
            ]}
            data-testid="contract-end-kind"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('end.reason')}
          rules={[{ required: true, whitespace: true, message: t('end.reasonRequired') }, { max: REASON_MAX }]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} placeholder={t('end.reasonPlaceholder')} data-testid="contract-end-reason" />
        </Form.Item>
        <Typography.Text type="secondary">{t('end.hint')}</Typography.Text>
      </Form>
    </Modal>
  );
}

interface ProgressValues {
  percent: string;
  milestone?: string;
  reachedOn: string;
  note?: string;
}

/** Q5: progress reached on one line — percent, the milestone (里程碑), its date and a note; every entry is kept. */
export function ProgressModal({ contract, line, onClose }: { contract: Contract; line: ShownLine | null; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const step = useContractStep();
  const submit = async () => {
    if (!line) return;
    const v = await form.validateFields();
    try {
      await step.mutateAsync({
        id: contract.id,
        path: `lines/${line.id}/progress`,
        body: { percent: v.percent, milestone: v.milestone?.trim() || null, reachedOn: v.reachedOn, note: v.note?.trim() || null },
      });
      message.success(t('progress.saved'));
      onClose();
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest);
    }
  };
  return (
    <Modal
      open={!!line}
      title={line ? t('progress.title', { name: line.name }) : undefined}
      okText={t('progress.ok')}
      okButtonProps={{ 'data-testid': 'contract-progress-ok' }}
      confirmLoading={step.isPending}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ percent: line?.progress?.percent ?? undefined, reachedOn: companyToday() }}
      >
        <Form.Item name="percent" label={t('progress.percent')} rules={[{ required: true, message: t('progress.percentRequired') }]}>
          <InputNumber<string>
            stringMode
            min="0"
            max="100"
            precision={2}
            suffix="%"
            style={{ width: 160 }}
            data-testid="contract-progress-percent"
          />
        </Form.Item>
        <Form.Item name="milestone" label={t('progress.milestone')} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder={t('progress.milestonePlaceholder')} data-testid="contract-progress-milestone" />
        </Form.Item>
        <DateField name="reachedOn" label={t('progress.reachedOn')} rules={[{ required: true }]} testId="contract-progress-date" />
        <Form.Item name="note" label={t('progress.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
