import type { Locale } from '@contracts/common.js';
import { Alert, App, Button, Card, InputNumber, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/page-header.js';
import { type QuoteSettings, usePipelineList, useQuoteSettings, useSaveQuoteSettings } from './api.js';

/** 报价设置: each role's discount limit and, per pipeline, the stage a deal moves to when its quote is accepted. */
export function QuoteSettingsPage() {
  const { data, isLoading, isError, error } = useQuoteSettings();
  if (isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (isError || !data) return <Alert type="error" showIcon title={error?.message} />;
  return <SettingsForm settings={data} />;
}

function SettingsForm({ settings }: { settings: QuoteSettings }) {
  const { t, i18n } = useTranslation('quotes');
  const { message } = App.useApp();
  const pipelines = usePipelineList();
  const save = useSaveQuoteSettings();
  const [limits, setLimits] = useState(() => Object.fromEntries(settings.discountLimits.map((l) => [l.roleId, l.maxDiscount])));
  const [stages, setStages] = useState(() => Object.fromEntries(settings.acceptedStages.map((s) => [s.pipelineId, s.stageId])));
  const stageOptions = (pipelineId: string) => [
    { value: '', label: t('settings.noMove') },
    ...(pipelines.data?.items.find((p) => p.id === pipelineId)?.stages ?? []).map((s) => ({
      value: s.id,
      label: s.labels[i18n.language as Locale] || s.labels['zh-CN'],
    })),
  ];

  const onSave = async () => {
    try {
      await save.mutateAsync({
        discountLimits: Object.entries(limits).map(([roleId, maxDiscount]) => ({ roleId, maxDiscount: maxDiscount || '0' })),
        acceptedStages: Object.entries(stages).map(([pipelineId, stageId]) => ({ pipelineId, stageId: stageId || null })),
      });
      message.success(t('settings.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t('settings.title')}
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => void onSave()} data-testid="quote-settings-save">
            {t('common:actions.save')}
          </Button>
        }
      />
      <Card variant="borderless" title={t('settings.limits')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('settings.limitsHint')}</Typography.Paragraph>
        <Table
          rowKey="roleId"
          size="small"
          pagination={false}
          dataSource={settings.discountLimits}
          style={{ maxWidth: 520 }}
          columns={[
            { key: 'role', title: t('settings.role'), render: (_, l) => l.roleName },
            {
              key: 'maxDiscount',
              title: t('settings.maxDiscount'),
              width: 160,
              render: (_, l) => (
                <InputNumber<string>
                  stringMode
                  min="0"
                  max="100"
                  precision={2}
                  suffix="%"
                  value={limits[l.roleId]}
                  onChange={(v) => setLimits({ ...limits, [l.roleId]: v ?? '0' })}
                  style={{ width: 130 }}
                  aria-label={`${l.roleName} ${t('settings.maxDiscount')}`}
                  data-testid={`quote-limit-${l.roleKey}`}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card variant="borderless" title={t('settings.stages')}>
        <Typography.Paragraph type="secondary">{t('settings.stagesHint')}</Typography.Paragraph>
        <Table
          rowKey="pipelineId"
          size="small"
          pagination={false}
          dataSource={settings.acceptedStages}
          style={{ maxWidth: 520 }}
          columns={[
            { key: 'pipeline', title: t('settings.pipeline'), render: (_, s) => s.pipelineName },
            {
              key: 'stage',
              title: t('settings.stage'),
              width: 220,
              render: (_, s) => (
                <Select
                  value={stages[s.pipelineId] ?? ''}
                  onChange={(v) => setStages({ ...stages, [s.pipelineId]: v || null })}
                  options={stageOptions(s.pipelineId)}
                  loading={pipelines.isLoading}
                  style={{ width: 200 }}
                  aria-label={`${s.pipelineName} ${t('settings.stage')}`}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
