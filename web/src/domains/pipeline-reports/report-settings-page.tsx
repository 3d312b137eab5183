import { App, Button, Card, Form, InputNumber, Radio, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../shared/api-form.js';
import { formatDateTime } from '../../shared/dates.js';
import { PAGE_SIZES, useListParams } from '../../shared/list-state.js';
import { PageHeader } from '../../shared/page-header.js';
import { type ReportSettings, type SnapshotRun, useReportSettings, useSaveReportSettings, useSnapshots, useTakeSnapshot } from './api.js';

/** Admin: the forecast threshold, the funnel's deviation points, the industry source; the weekly snapshots. */
export function ReportSettingsPage() {
  const { t, i18n } = useTranslation('pipelineReports');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const lp = useListParams();
  const [form] = Form.useForm<ReportSettings>();
  const settings = useReportSettings();
  const save = useSaveReportSettings();
  const snapshots = useSnapshots({ page: lp.page, pageSize: lp.pageSize });
  const take = useTakeSnapshot();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const submit = async (v: ReportSettings) => {
    try {
      await save.mutateAsync(v);
      message.success(tc('saved'));
    } catch (e) {
      const msg = applyApiError(form, e);
      if (msg) message.error(msg);
    }
  };

  const columns: ColumnsType<SnapshotRun> = [
    { key: 'week', title: t('settings.week'), render: (_, r) => t('accuracy.weekOf', { date: r.weekStart }) },
    { key: 'takenAt', title: t('settings.takenAt'), render: (_, r) => formatDateTime(r.takenAt, i18n.language) },
    { key: 'threshold', title: t('settings.threshold'), align: 'right', render: (_, r) => `${r.threshold}%` },
    { key: 'groups', title: t('settings.groups'), align: 'right', dataIndex: 'groups', responsive: ['md'] },
  ];

  return (
    <>
      <PageHeader title={t('settings.title')} sub={t('settings.subtitle')} />
      <Card title={t('settings.rules')} style={{ marginBottom: 16 }} loading={settings.isLoading}>
        <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }} requiredMark={false}>
          <Form.Item
            name="forecastThreshold"
            label={t('settings.threshold')}
            extra={t('settings.thresholdHint')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={100} step={5} suffix="%" style={{ width: 160 }} data-testid="settings-threshold" />
          </Form.Item>
          <Form.Item name="deviationPoints" label={t('settings.points')} extra={t('settings.pointsHint')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} step={1} suffix={t('funnel.pointsUnit')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="deviationConfidence"
            label={t('settings.confidence')}
            extra={t('settings.confidenceHint')}
            rules={[{ required: true }]}
          >
            <InputNumber min={50} max={99.9} step={1} suffix="%" style={{ width: 160 }} data-testid="settings-confidence" />
          </Form.Item>
          <Form.Item name="industrySource" label={t('settings.industrySource')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'customer', label: t('settings.industryCustomer') },
                { value: 'lead', label: t('settings.industryLead') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {tc('actions.save')}
          </Button>
        </Form>
      </Card>
      <Card
        title={t('settings.snapshots')}
        extra={
          <Button
            loading={take.isPending}
            onClick={async () => {
              await take.mutateAsync(undefined);
              message.success(t('settings.snapshotTaken'));
            }}
          >
            {t('settings.takeNow')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('settings.snapshotsHint')}</Typography.Paragraph>
        <Table<SnapshotRun>
          rowKey="weekStart"
          size="middle"
          columns={columns}
          dataSource={snapshots.data?.items}
          loading={snapshots.isFetching}
          onChange={(p) => lp.update({ page: p.current, pageSize: p.pageSize })}
          pagination={{
            current: lp.page,
            pageSize: lp.pageSize,
            total: snapshots.data?.total,
            pageSizeOptions: PAGE_SIZES,
            hideOnSinglePage: true,
          }}
        />
      </Card>
    </>
  );
}
