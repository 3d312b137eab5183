import { FileAddOutlined, UploadOutlined } from '@ant-design/icons';
import { fen, formatFen } from '@contracts/quote-money.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../shared/api-form.js';
import { formatDateTime } from '../../shared/dates.js';
import { FormDrawer } from '../../shared/form-kit/index.js';
import { formatMoney } from '../../shared/format.js';
import { ApprovalPanel } from '../approvals/public.js';
import { type Amendment, type Contract, refreshContract, useContractStep } from './api.js';
import { badQuantity, type DraftLine, draftAmounts, linesInput } from './contract-draft.js';
import { AmendmentStatusTag } from './contract-labels.js';
import { ContractLinesEditor } from './contract-lines-editor.js';
import { ContractLinesTable, type ShownLine } from './contract-lines-table.js';

const TITLE_MAX = 100;

/** A signed change of money: +¥47,600.00 / -¥2,400.00. */
export const signedMoney = (v: string) => (v.startsWith('-') ? formatMoney(v) : `+${formatMoney(v)}`);

/**
 * Q4: 补充协议 — an effective contract changes only by an amendment with its own approval. Lines add
 * to the contract; a negative quantity takes away (减少). Saved as a draft, then submitted.
 */
export function AmendmentDrawer({ contract, open, onClose }: { contract: Contract; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; reason: string }>();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const step = useContractStep();
  const change = draftAmounts(lines).total;
  // Cancelling drops the lines typed so far, as it drops the form's fields.
  const close = () => {
    setLines([]);
    onClose();
  };

  const save = async () => {
    const v = await form.validateFields();
    if (lines.length === 0) return void message.warning(t('editor.needLines'));
    const bad = badQuantity(lines, true);
    if (bad >= 0) return void message.warning(t('editor.badQuantity', { row: bad + 1 }));
    try {
      await step.mutateAsync({
        id: contract.id,
        path: 'amendments',
        body: { title: v.title.trim(), reason: v.reason.trim(), lines: linesInput(lines) },
      });
      message.success(t('amendment.created'));
      close();
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={t('amendment.new', { number: contract.number })}
      onClose={close}
      onSave={() => void save()}
      saving={step.isPending}
      saveTestId="amendment-save"
      width={960}
    >
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="title" label={t('amendment.name')} rules={[{ required: true, whitespace: true }, { max: TITLE_MAX }]}>
              <Input maxLength={TITLE_MAX} placeholder={t('amendment.namePlaceholder')} data-testid="amendment-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="reason" label={t('amendment.reason')} rules={[{ required: true, whitespace: true }, { max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="amendment-reason" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Paragraph type="secondary">{t('amendment.hint')}</Typography.Paragraph>
      <ContractLinesEditor
        lines={lines}
        onChange={setLines}
        allowNegative
        agreedPrice={(productId) => {
          const line = contract.lines.find((l) => l.productId === productId && !l.bundleName);
          return line && { unitPrice: line.unitPrice, discount: line.discount };
        }}
        testId="amendment-lines-editor"
      />
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 16, maxWidth: 360, marginInlineStart: 'auto' }}
        items={[
          { key: 'before', label: t('amendment.before'), children: formatMoney(contract.amount) },
          {
            key: 'change',
            label: t('fields.amountChange'),
            children: <strong data-testid="amendment-change">{signedMoney(change)}</strong>,
          },
          {
            key: 'after',
            label: t('amendment.after'),
            children: formatMoney(formatFen(fen(contract.amount) + fen(change))),
          },
        ]}
      />
    </FormDrawer>
  );
}

/** The contract's amendments, each with its lines, status, change in amount and its own approval. */
export function AmendmentList({
  contract,
  onRecord,
}: {
  contract: Contract;
  /** Progress on an effective amendment's lines, when the caller may record it. */
  onRecord?: (line: ShownLine) => void;
}) {
  const { t, i18n } = useTranslation('contracts');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const step = useContractStep();
  if (contract.amendments.length === 0) return null;
  const submit = async (a: Amendment) => {
    try {
      await step.mutateAsync({ id: contract.id, path: `amendments/${a.id}/submit` });
      message.success(t('detail.submitted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card
      variant="borderless"
      title={
        <Space>
          <FileAddOutlined />
          {t('amendment.listTitle')}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="contract-amendments"
    >
      <Space orientation="vertical" size={24} style={{ width: '100%' }}>
        {contract.amendments.map((a) => (
          <div key={a.id} data-testid="contract-amendment">
            <Space wrap size={8} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{a.number}</Typography.Text>
              <Typography.Text>{a.title}</Typography.Text>
              <AmendmentStatusTag status={a.status} />
              <Typography.Text type={a.amountChange.startsWith('-') ? 'warning' : 'success'} strong>
                {signedMoney(a.amountChange)}
              </Typography.Text>
              {a.status === 'draft' && contract.can.recordProgress && (
                <Button
                  type="primary"
                  size="small"
                  icon={<UploadOutlined />}
                  loading={step.isPending}
                  onClick={() => void submit(a)}
                  data-testid="amendment-submit"
                >
                  {t('detail.submit')}
                </Button>
              )}
            </Space>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
              {t('amendment.reason')}：{a.reason}
              {a.effectiveAt && ` · ${t('fields.effectiveAt')} ${formatDateTime(a.effectiveAt, i18n.language)}`}
            </Typography.Paragraph>
            <ContractLinesTable
              lines={a.lines}
              withProgress={a.status === 'effective'}
              onRecord={a.status === 'effective' ? onRecord : undefined}
              testId="amendment-lines"
            />
            {/* Its own approval under its lines: the card stays one column wide like the contract's lines. */}
            <div style={{ marginTop: 12 }}>
              <ApprovalPanel documentType="contract_amendment" documentId={a.id} onChange={() => void refreshContract(qc, contract.id)} />
            </div>
          </div>
        ))}
      </Space>
    </Card>
  );
}
