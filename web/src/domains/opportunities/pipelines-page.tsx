import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError, isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { PageHeader } from '../../shared/page-header.js';
import {
  type Pipeline,
  type PipelineInput,
  useOpportunitySettings,
  usePipelines,
  useSaveOpportunitySettings,
  useSavePipeline,
} from './api.js';

type StageRow = PipelineInput['stages'][number] & { rowKey: string };

const toRows = (p: Pipeline): StageRow[] =>
  p.stages.map((s) => ({
    rowKey: s.id,
    id: s.id,
    labels: s.labels,
    kind: s.kind,
    probability: s.probability,
    minProbability: s.minProbability,
    maxProbability: s.maxProbability,
    stalledAfterDays: s.stalledAfterDays,
  }));

const NEW_PIPELINE: StageRow[] = [
  {
    rowKey: 'n1',
    labels: { 'zh-CN': '初步接触' },
    kind: 'open',
    probability: 10,
    minProbability: 0,
    maxProbability: 30,
    stalledAfterDays: 30,
  },
  { rowKey: 'n2', labels: { 'zh-CN': '成功签约' }, kind: 'won', probability: 100 },
  { rowKey: 'n3', labels: { 'zh-CN': '输单' }, kind: 'lost', probability: 0 },
];

/** O2 admin: pipelines, their ordered stages with default probability, range and stall limit; and the no-follow-up limit. */
export function PipelinesPage() {
  const { t } = useTranslation('opportunities');
  const pipelines = usePipelines(true);
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const current = selected === 'new' ? undefined : (pipelines.data?.items.find((p) => p.id === selected) ?? pipelines.data?.items[0]);
  return (
    <>
      <PageHeader
        title={t('pipelines.title')}
        sub={t('pipelines.sub')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setSelected('new')}>
            {t('pipelines.new')}
          </Button>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card variant="borderless" styles={{ body: { padding: 8 } }} loading={pipelines.isLoading}>
            {(pipelines.data?.items ?? []).map((p) => (
              <Button
                key={p.id}
                type={current?.id === p.id && selected !== 'new' ? 'primary' : 'text'}
                ghost={current?.id === p.id && selected !== 'new'}
                block
                style={{ textAlign: 'left', marginBottom: 4, height: 'auto', padding: '6px 12px' }}
                onClick={() => setSelected(p.id)}
              >
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Space>
                    {p.name}
                    {p.isDefault && <Tag color="blue">{t('pipelines.default')}</Tag>}
                    {!p.active && <Tag>{t('pipelines.inactive')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('pipelines.openCount', { count: p.openCount })}
                  </Typography.Text>
                </Space>
              </Button>
            ))}
          </Card>
          <SettingsCard />
        </Col>
        <Col xs={24} lg={18}>
          {pipelines.isLoading ? (
            <Skeleton active />
          ) : (
            <PipelineEditor
              key={selected === 'new' ? 'new' : `${current?.id}:${current?.version}`}
              pipeline={current}
              onSaved={(p) => setSelected(p.id)}
            />
          )}
        </Col>
      </Row>
    </>
  );
}

function PipelineEditor({ pipeline, onSaved }: { pipeline?: Pipeline; onSaved: (p: Pipeline) => void }) {
  const { t } = useTranslation('opportunities');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const conflict = useConflictDialog();
  const save = useSavePipeline();
  const pipelines = usePipelines(true);
  const [form] = Form.useForm<{ name: string; isDefault: boolean; active: boolean }>();
  const [rows, setRows] = useState<StageRow[]>(pipeline ? toRows(pipeline) : NEW_PIPELINE);
  useEffect(
    () => form.setFieldsValue({ name: pipeline?.name ?? '', isDefault: pipeline?.isDefault ?? false, active: pipeline?.active ?? true }),
    [pipeline, form],
  );

  const patch = (key: string, change: Partial<StageRow>) => setRows((rs) => rs.map((r) => (r.rowKey === key ? { ...r, ...change } : r)));
  const label = (r: StageRow, locale: 'zh-CN' | 'zh-TW' | 'en', v: string) => patch(r.rowKey, { labels: { ...r.labels, [locale]: v } });
  const moveRow = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const j = i + d;
      if (j < 0 || j >= next.length || next[j].kind !== 'open' || next[i].kind !== 'open') return rs;
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });
  const addStage = () =>
    setRows((rs) => {
      const open = rs.filter((r) => r.kind === 'open');
      const row: StageRow = {
        rowKey: `n${Date.now()}`,
        labels: { 'zh-CN': '' },
        kind: 'open',
        probability: 50,
        minProbability: 0,
        maxProbability: 100,
      };
      return [...open, row, ...rs.filter((r) => r.kind !== 'open')];
    });

  const submit = async (v: { name: string; isDefault: boolean; active: boolean }) => {
    const body: PipelineInput = {
      name: v.name.trim(),
      isDefault: v.isDefault,
      active: v.active,
      version: pipeline?.version,
      stages: rows.map(({ rowKey: _k, ...s }) => ({
        ...s,
        labels: {
          'zh-CN': s.labels['zh-CN'].trim(),
          'zh-TW': s.labels['zh-TW']?.trim() || undefined,
          en: s.labels.en?.trim() || undefined,
        },
        stalledAfterDays: s.kind === 'open' ? (s.stalledAfterDays ?? null) : null,
      })),
    };
    try {
      const saved = await save.mutateAsync({ id: pipeline?.id, body });
      message.success(t('pipelines.saved'));
      onSaved(saved);
    } catch (e) {
      if (isVersionConflict(e)) conflict(() => void pipelines.refetch());
      else {
        const general = applyApiError(form, e);
        if (general) message.error(general);
      }
    }
  };

  const num = (r: StageRow, field: 'probability' | 'minProbability' | 'maxProbability') => (
    <InputNumber
      min={0}
      max={100}
      size="small"
      value={r[field]}
      disabled={r.kind !== 'open'}
      onChange={(v) => patch(r.rowKey, { [field]: v ?? 0 })}
      style={{ width: 70 }}
    />
  );
  return (
    <Card variant="borderless">
      <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name" label={t('pipelines.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="isDefault" label={t('pipelines.default')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="active" label={t('pipelines.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      <div data-testid="pipeline-stages">
        <Table<StageRow>
          rowKey="rowKey"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'order',
              width: 64,
              render: (_, r, i) =>
                r.kind === 'open' ? (
                  <Space size={0}>
                    <Button type="text" size="small" icon={<ArrowUpOutlined />} onClick={() => moveRow(i, -1)} disabled={i === 0} />
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      onClick={() => moveRow(i, 1)}
                      disabled={rows[i + 1]?.kind !== 'open'}
                    />
                  </Space>
                ) : null,
            },
            {
              key: 'label',
              title: t('pipelines.stage'),
              render: (_, r) => (
                <Space direction="vertical" size={2}>
                  <Input
                    size="small"
                    value={r.labels['zh-CN']}
                    onChange={(e) => label(r, 'zh-CN', e.target.value)}
                    maxLength={30}
                    style={{ width: 150 }}
                  />
                  <Space size={2}>
                    <Input
                      size="small"
                      placeholder={t('pipelines.nameZhTW')}
                      value={r.labels['zh-TW']}
                      onChange={(e) => label(r, 'zh-TW', e.target.value)}
                      maxLength={30}
                      style={{ width: 74 }}
                    />
                    <Input
                      size="small"
                      placeholder={t('pipelines.nameEn')}
                      value={r.labels.en}
                      onChange={(e) => label(r, 'en', e.target.value)}
                      maxLength={40}
                      style={{ width: 74 }}
                    />
                  </Space>
                </Space>
              ),
            },
            {
              key: 'kind',
              title: t('pipelines.kind'),
              render: (_, r) => (
                <Tag color={r.kind === 'won' ? 'green' : r.kind === 'lost' ? 'default' : 'blue'}>{t(`pipelines.kinds.${r.kind}`)}</Tag>
              ),
            },
            { key: 'probability', title: t('pipelines.probability'), render: (_, r) => num(r, 'probability') },
            {
              key: 'range',
              title: t('pipelines.range'),
              render: (_, r) => (
                <Space size={4}>
                  {num(r, 'minProbability')}–{num(r, 'maxProbability')}
                </Space>
              ),
            },
            {
              key: 'stalled',
              title: t('pipelines.stalledAfter'),
              render: (_, r) =>
                r.kind === 'open' ? (
                  <InputNumber
                    size="small"
                    min={1}
                    max={3650}
                    value={r.stalledAfterDays ?? null}
                    onChange={(v) => patch(r.rowKey, { stalledAfterDays: v })}
                    addonAfter={t('pipelines.days')}
                    style={{ width: 110 }}
                  />
                ) : null,
            },
            {
              key: 'remove',
              width: 48,
              render: (_, r) =>
                r.kind === 'open' && rows.filter((x) => x.kind === 'open').length > 1 ? (
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('pipelines.removeStage')}
                    onClick={() => setRows((rs) => rs.filter((x) => x.rowKey !== r.rowKey))}
                  />
                ) : null,
            },
          ]}
        />
      </div>
      <Space style={{ marginTop: 16 }}>
        <Button icon={<PlusOutlined />} onClick={addStage}>
          {t('pipelines.addStage')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="pipeline-save">
          {tc('actions.save')}
        </Button>
      </Space>
    </Card>
  );
}

function SettingsCard() {
  const { t } = useTranslation('opportunities');
  const { message } = App.useApp();
  const settings = useOpportunitySettings();
  const save = useSaveOpportunitySettings();
  const value = settings.data?.stalledNoFollowUpDays;
  return (
    <Card variant="borderless" title={t('pipelines.settingsTitle')} style={{ marginTop: 16 }} loading={settings.isLoading}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('pipelines.stalledNoFollowUp')}
      </Typography.Paragraph>
      <Select<number | 'off'>
        value={value ?? 'off'}
        style={{ width: '100%' }}
        onChange={(v) =>
          save.mutate(
            { stalledNoFollowUpDays: v === 'off' ? null : v },
            { onSuccess: () => message.success(t('pipelines.settingsSaved')), onError: (e) => message.error(e.message) },
          )
        }
        options={[
          { value: 'off', label: t('pipelines.stalledNoFollowUpOff') },
          ...[7, 14, 21, 30, 45, 60].map((d) => ({ value: d, label: `${d} ${t('pipelines.days')}` })),
        ]}
      />
    </Card>
  );
}
