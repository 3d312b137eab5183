import { App, Button, Descriptions, Empty, Form, Input, List, Modal, Popconfirm, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../shared/api-form.js';
import { formatMoney } from '../../shared/format.js';
import { formatDateTime } from '../../shared/dates.js';
import { MoneyInput } from '../../shared/form-kit/index.js';
import { type ForecastAdjustment, type ForecastFigures, useAdjustmentHistory, useCreateAdjustment } from './api.js';

export interface AdjustTarget {
  departmentId: string;
  departmentName: string;
  figures: ForecastFigures & { adjustment: ForecastAdjustment | null };
}

/**
 * O5: a manager's own number for his team's month, with a note (why he expects more or less than
 * the weighted figure). The opportunities are not touched; every change stays in the history.
 */
export function AdjustmentModal({ target, monthLabel, onClose }: { target: AdjustTarget | null; monthLabel: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('pipelineReports');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: string | null; note: string }>();
  const save = useCreateAdjustment();
  const history = useAdjustmentHistory({ departmentId: target?.departmentId, month: target?.figures.month, pageSize: 50 }, target !== null);
  const current = target?.figures.adjustment ?? null;

  useEffect(() => {
    if (target) form.setFieldsValue({ amount: target.figures.adjustment?.amount ?? null, note: '' });
  }, [target, form]);

  const submit = async (amount: string | null, note: string) => {
    if (!target) return;
    try {
      await save.mutateAsync({ departmentId: target.departmentId, month: target.figures.month, amount, note });
      message.success(amount === null ? t('adjust.withdrawn') : t('adjust.saved'));
      onClose();
    } catch (e) {
      const msg = applyApiError(form, e);
      if (msg) message.error(msg);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={t('adjust.title', { department: target?.departmentName, month: monthLabel })}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={
        <Space>
          {current && (
            <Popconfirm
              title={t('adjust.withdrawConfirm')}
              okText={tc('actions.confirm')}
              cancelText={tc('actions.cancel')}
              onConfirm={() => submit(null, form.getFieldValue('note')?.trim() || t('adjust.withdrawNote'))}
            >
              <Button danger loading={save.isPending}>
                {t('adjust.withdraw')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="adjust-save">
            {tc('actions.save')}
          </Button>
        </Space>
      }
    >
      {target && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('columns.forecast')}>{formatMoney(target.figures.forecast)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.commit')}>{formatMoney(target.figures.commit)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.bestCase')}>{formatMoney(target.figures.bestCase)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.won')}>{formatMoney(target.figures.won)}</Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" onFinish={(v) => submit(v.amount, v.note)} requiredMark="optional">
            <Form.Item name="amount" label={t('adjust.amount')} rules={[{ required: true, message: t('adjust.amountRequired') }]}>
              <MoneyInput placeholder={t('adjust.amountPlaceholder')} data-testid="adjust-amount" />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('adjust.note')}
              rules={[{ required: true, whitespace: true, message: t('adjust.noteRequired') }]}
              extra={t('adjust.noteHint')}
            >
              <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('adjust.notePlaceholder')} data-testid="adjust-note" />
            </Form.Item>
          </Form>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('adjust.history')}
          </Typography.Title>
          <List<ForecastAdjustment>
            size="small"
            loading={history.isFetching}
            dataSource={history.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adjust.noHistory')} /> }}
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Typography.Text strong className="money">
                        {a.amount === null ? t('adjust.withdrawnTag') : formatMoney(a.amount)}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {a.createdByName ?? '—'} · {formatDateTime(a.createdAt, i18n.language)}
                      </Typography.Text>
                    </Space>
                  }
                  description={a.note}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
