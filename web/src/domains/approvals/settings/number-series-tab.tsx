import type { Locale } from '@contracts/common.js';
import { NUMBER_RESETS } from '@contracts/numbering.js';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.js';
import { applyApiError } from '../../../shared/api-form.js';
import { type NumberSeries, useNumberSeries, useSaveNumberSeries } from '../api.js';

type SeriesValues = Pick<NumberSeries, 'pattern' | 'reset'>;

function SeriesForm({ series }: { series: NumberSeries }) {
  const { t, i18n } = useTranslation('approvals');
  const { t: tc } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const save = useSaveNumberSeries();
  const [form] = Form.useForm<SeriesValues>();
  const editable = can('approval_flows', 'edit');

  const onFinish = async (v: SeriesValues) => {
    try {
      const saved = await save.mutateAsync({ key: series.key, pattern: v.pattern.trim(), reset: v.reset });
      form.resetFields();
      message.success(t('numbering.saved', { preview: saved.preview }));
    } catch (e) {
      const msg = applyApiError(form, e);
      if (msg) message.error(msg);
    }
  };

  return (
    <Card
      size="small"
      type="inner"
      title={series.labels[i18n.language as Locale] ?? series.key}
      style={{ marginBottom: 12 }}
      data-testid={`series-${series.key}`}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ pattern: series.pattern, reset: series.reset }}
        onFinish={onFinish}
        disabled={!editable}
      >
        <Space wrap align="start" size="large">
          <Form.Item
            name="pattern"
            // A fixed width: the server's message under the field wraps instead of pushing the row apart.
            style={{ width: 260 }}
            label={t('numbering.pattern')}
            rules={[{ required: true, whitespace: true, message: t('numbering.patternRequired') }, { max: 60 }]}
          >
            <Input style={{ fontFamily: 'monospace' }} maxLength={60} />
          </Form.Item>
          <Form.Item name="reset" label={t('numbering.reset')}>
            <Select style={{ width: 140 }} options={NUMBER_RESETS.map((r) => ({ value: r, label: t(`numbering.resets.${r}`) }))} />
          </Form.Item>
          <Form.Item label={t('numbering.preview')} tooltip={t('numbering.previewHint')}>
            <Typography.Text code copyable style={{ lineHeight: '32px', fontSize: 14 }} data-testid="series-preview">
              {series.preview}
            </Typography.Text>
          </Form.Item>
          {editable && (
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {tc('actions.save')}
              </Button>
            </Form.Item>
          )}
        </Space>
      </Form>
    </Card>
  );
}

/** 编号规则: each numbered document type's pattern, when its counter restarts, and the next number it would give. */
export function NumberSeriesTab() {
  const { t } = useTranslation('approvals');
  const series = useNumberSeries();
  return (
    <Card variant="borderless">
      <Alert type="info" showIcon title={t('numbering.help')} style={{ marginBottom: 16 }} />
      {series.isLoading ? (
        <Skeleton active />
      ) : series.isError ? (
        <Alert type="error" showIcon title={t('numbering.loadFailed')} description={series.error?.message} />
      ) : (series.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('numbering.noSeries')} />
      ) : (
        series.data?.items.map((s) => <SeriesForm key={`${s.key}:${s.pattern}:${s.reset}`} series={s} />)
      )}
    </Card>
  );
}
