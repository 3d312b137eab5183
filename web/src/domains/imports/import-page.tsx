import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Progress, Radio, Result, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../shared/filter-bar.js';
import { formatDateTime } from '../../shared/dates.js';
import { PageHeader } from '../../shared/page-header.js';
import {
  type ImportEntity,
  type ImportJob,
  useEntityLabel,
  useImportErrors,
  useImportJob,
  useImportTargets,
  useRecentImports,
  useRunImport,
  useUploadImport,
} from './api.js';

const STATUS_COLOR: Record<ImportJob['status'], string> = {
  uploaded: 'default',
  checking: 'processing',
  checked: 'blue',
  importing: 'processing',
  done: 'success',
  rejected: 'warning',
  failed: 'error',
};
const moving = (job: ImportJob) => job.status === 'checking' || job.status === 'importing';

/**
 * C10: upload → match columns → check → import, one page. The job id stays in the address, so a
 * reload (or coming back later) shows where the file is.
 */
export function ImportPage() {
  const { t } = useTranslation('imports');
  const [params, setParams] = useSearchParams();
  const targets = useImportTargets().data?.items;
  const labelOf = useEntityLabel();
  // The list page that sent us names the entity; otherwise (or if it is not importable) the first one offered.
  const asked = params.get('entity') ?? '';
  const entity = !targets || targets.some((x) => x.entity === asked) ? asked : (targets[0]?.entity ?? '');
  const jobId = params.get('job') ?? undefined;
  const job = useImportJob(jobId);
  const [remap, setRemap] = useState(false);
  const show = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };

  const data = job.data;
  const step = !data ? 0 : data.status === 'uploaded' || remap ? 1 : 2;
  return (
    <div>
      <PageHeader title={[t('title'), labelOf(data?.entity ?? entity)].filter(Boolean).join(' · ')} />
      <Card>
        <Steps
          current={step}
          items={[{ title: t('steps.upload') }, { title: t('steps.map') }, { title: t('steps.check') }]}
          style={{ marginBottom: 24, maxWidth: 720 }}
        />
        {jobId && job.isError && <LoadError title={t('result.failed')} error={job.error} onRetry={() => job.refetch()} />}
        {step === 0 && !job.isError && (
          <UploadStep entity={entity} onEntity={(e) => show({ entity: e })} onUploaded={(j) => show({ job: j.id, entity: j.entity })} />
        )}
        {step === 1 && data && <MappingStep job={data} onStarted={() => setRemap(false)} onBack={() => show({ job: undefined })} />}
        {step === 2 && data && <ResultStep job={data} onRemap={() => setRemap(true)} onAnother={() => show({ job: undefined })} />}
      </Card>
      {step === 0 && <RecentImports />}
    </div>
  );
}

function UploadStep({
  entity,
  onEntity,
  onUploaded,
}: {
  entity: ImportEntity;
  onEntity: (e: ImportEntity) => void;
  onUploaded: (job: ImportJob) => void;
}) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const upload = useUploadImport();
  const targets = useImportTargets();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Space>
        <Typography.Text>{t('upload.what')}</Typography.Text>
        <Radio.Group
          value={entity}
          optionType="button"
          onChange={(e) => onEntity(e.target.value)}
          options={(targets.data?.items ?? []).map((x) => ({ value: x.entity, label: x.label }))}
        />
      </Space>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={upload.isPending || !entity}
          beforeUpload={(file) => {
            upload.mutate(
              { entity, file },
              {
                onSuccess: onUploaded,
                onError: (e) => message.error(`${t('upload.failed')}：${e instanceof Error ? e.message : String(e)}`),
              },
            );
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{upload.isPending ? t('upload.uploading') : t('upload.drop')}</p>
          <p className="ant-upload-hint">{t('upload.hint')}</p>
        </Upload.Dragger>
      </div>
      <Typography.Text type="secondary">{t('upload.template')}</Typography.Text>
    </Space>
  );
}

function MappingStep({ job, onStarted, onBack }: { job: ImportJob; onStarted: () => void; onBack: () => void }) {
  const { t, i18n } = useTranslation('imports');
  const { message } = App.useApp();
  const [mapping, setMapping] = useState<(string | null)[]>(() => job.mapping ?? job.suggestedMapping);
  const [duplicates, setDuplicates] = useState(job.duplicates);
  const [mode, setMode] = useState(job.mode);
  const run = useRunImport();
  const labels = new Map(job.fields.map((f) => [f.key, f]));
  const missing = job.fields.filter((f) => f.required && !mapping.includes(f.key));
  const start = (dryRun: boolean) =>
    run.mutate(
      { id: job.id, body: { mapping, duplicates, mode, dryRun } },
      { onSuccess: onStarted, onError: (e) => message.error(e instanceof Error ? e.message : String(e)) },
    );
  const sep = i18n.language === 'en' ? ', ' : '、';
  const rows = job.headers.map((header, index) => ({ header, index }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text>{t('map.intro', { file: job.fileName, columns: job.headers.length })}</Typography.Text>
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={rows}
        data-testid="import-mapping"
        columns={[
          { key: 'header', title: t('map.column'), dataIndex: 'header', width: 200, render: (h: string) => <b>{h || '—'}</b> },
          {
            key: 'sample',
            title: t('map.sample'),
            render: (_, r) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                {job.sample
                  .slice(0, 3)
                  .map((s) => s[r.index])
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            ),
          },
          {
            key: 'target',
            title: t('map.target'),
            width: 260,
            render: (_, r) => (
              <Select
                style={{ width: 240 }}
                value={mapping[r.index] ?? ''}
                aria-label={r.header}
                onChange={(v: string) =>
                  setMapping((m) => job.headers.map((_, i) => (i === r.index ? v || null : (m[i] ?? null) === v ? null : (m[i] ?? null))))
                }
                options={[
                  { value: '', label: <Typography.Text type="secondary">{t('map.skip')}</Typography.Text> },
                  ...job.fields.map((f) => ({
                    value: f.key,
                    label: (
                      <span>
                        {f.label}
                        {f.required && <Typography.Text type="danger"> *</Typography.Text>}
                      </span>
                    ),
                  })),
                ]}
              />
            ),
          },
          {
            key: 'hint',
            render: (_, r) => {
              const f = labels.get(mapping[r.index] ?? '');
              return f?.hint ? <Typography.Text type="secondary">{f.hint}</Typography.Text> : null;
            },
          },
        ]}
      />
      {missing.length > 0 && (
        <Alert type="warning" showIcon message={t('map.missing', { fields: missing.map((f) => f.label).join(sep) })} />
      )}
      <Space size="large" wrap>
        <Space>
          <Typography.Text>{t('map.duplicates')}</Typography.Text>
          <Radio.Group value={duplicates} onChange={(e) => setDuplicates(e.target.value)}>
            <Radio value="skip">{t('map.duplicatesSkip')}</Radio>
            <Radio value="allow">{t('map.duplicatesAllow')}</Radio>
          </Radio.Group>
        </Space>
        <Space>
          <Typography.Text>{t('map.mode')}</Typography.Text>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
            <Radio value="lenient">{t('map.lenient')}</Radio>
            <Radio value="strict">{t('map.strict')}</Radio>
          </Radio.Group>
        </Space>
      </Space>
      <Space>
        <Button onClick={onBack}>{t('map.back')}</Button>
        <Button disabled={missing.length > 0} loading={run.isPending} onClick={() => start(true)} data-testid="import-dry-run">
          {t('map.dryRun')}
        </Button>
        <Button type="primary" disabled={missing.length > 0} loading={run.isPending} onClick={() => start(false)} data-testid="import-run">
          {t('map.run')}
        </Button>
      </Space>
    </Space>
  );
}

function ResultStep({ job, onRemap, onAnother }: { job: ImportJob; onRemap: () => void; onAnother: () => void }) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const errors = useImportErrors(job);
  const labelOf = useEntityLabel();
  const run = useRunImport();
  // Once rows are in, any list may show them (or counts of them): everything read before is stale.
  useEffect(() => {
    if (job.status === 'done') void qc.invalidateQueries();
  }, [job.status, qc]);

  if (moving(job)) {
    return (
      <div style={{ maxWidth: 560, padding: '32px 0' }}>
        <Progress percent={job.progress} status="active" data-testid="import-progress" />
        <Typography.Text type="secondary">{t(`progress.${job.status}`, { rows: job.rowsRead.toLocaleString() })}</Typography.Text>
      </div>
    );
  }
  const counts = {
    rows: job.rowsRead.toLocaleString(),
    ok: job.okRows.toLocaleString(),
    errors: job.errorRows.toLocaleString(),
    duplicates: job.duplicateRows.toLocaleString(),
  };
  const failure =
    job.failure === 'too_many_rows' ? 'failedTooMany' : job.failure === 'interrupted' ? 'failedInterrupted' : 'failedUnreadable';
  const title =
    job.status === 'failed'
      ? t('result.failed')
      : job.status === 'rejected'
        ? t('result.rejected', counts)
        : t(`result.${job.status === 'checked' ? 'checked' : 'done'}`, counts);
  const status = job.status === 'failed' ? 'error' : job.status === 'rejected' ? 'warning' : job.errorRows > 0 ? 'info' : 'success';
  const importChecked = () =>
    run.mutate(
      { id: job.id, body: { mapping: job.mapping ?? job.suggestedMapping, duplicates: job.duplicates, mode: job.mode, dryRun: false } },
      { onError: (e) => message.error(e instanceof Error ? e.message : String(e)) },
    );
  const shown = errors.data?.items.length ?? 0;
  return (
    <div data-testid="import-result">
      <Result
        status={status}
        title={title}
        subTitle={
          job.status === 'failed'
            ? t(`result.${failure}`)
            : job.errorRows > 0
              ? t(job.duplicateRows > 0 ? 'result.summary' : 'result.summaryPlain', counts)
              : t('result.allGood', counts)
        }
        extra={
          <Space wrap>
            {job.status === 'checked' && job.okRows > 0 && (
              <Button type="primary" loading={run.isPending} onClick={importChecked} data-testid="import-now">
                {t('result.importNow')}
              </Button>
            )}
            {(job.status === 'checked' || job.status === 'rejected') && <Button onClick={onRemap}>{t('result.remap')}</Button>}
            {job.errorRows > 0 && (
              <Button href={`/api/v1/imports/${job.id}/errors.csv`} data-testid="import-error-report">
                {t('result.download')}
              </Button>
            )}
            {job.status === 'done' && (
              // Each importable list lives at /<entity> (customers, contacts, leads …).
              <Link to={`/${job.entity}`}>
                <Button type={job.errorRows > 0 ? 'default' : 'primary'}>{t('result.open', { entity: labelOf(job.entity) })}</Button>
              </Link>
            )}
            <Button onClick={onAnother} data-testid="import-another">
              {t('result.another')}
            </Button>
          </Space>
        }
      />
      {job.errorRows > 0 && (
        <Card
          size="small"
          title={t('result.errorsTitle')}
          extra={<Typography.Text type="secondary">{t('result.downloadHint')}</Typography.Text>}
        >
          <Table
            size="small"
            rowKey="row"
            loading={errors.isLoading}
            dataSource={errors.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="import-errors"
            columns={[
              { key: 'row', title: t('result.row'), dataIndex: 'row', width: 80 },
              {
                key: 'message',
                title: t('result.problem'),
                dataIndex: 'message',
                render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
              },
              {
                key: 'values',
                title: t('result.values'),
                dataIndex: 'values',
                render: (v: string[]) => (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
                    {v.filter(Boolean).join(' | ')}
                  </Typography.Text>
                ),
              },
            ]}
          />
          {errors.data && errors.data.total > shown && (
            <Typography.Text type="secondary">{t('result.errorsMore', { shown })}</Typography.Text>
          )}
        </Card>
      )}
    </div>
  );
}

function RecentImports() {
  const { t, i18n } = useTranslation('imports');
  const recent = useRecentImports();
  const labelOf = useEntityLabel();
  const [, setParams] = useSearchParams();
  return (
    <Card title={t('recent.title')} style={{ marginTop: 16 }} size="small">
      {recent.isError ? (
        <LoadError title={t('recent.title')} error={recent.error} onRetry={() => recent.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={recent.isLoading}
          dataSource={recent.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recent.empty')} /> }}
          onRow={(j) => ({ onClick: () => setParams({ entity: j.entity, job: j.id }), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'file', title: t('recent.file'), dataIndex: 'fileName' },
            { key: 'entity', title: t('upload.what'), dataIndex: 'entity', render: (e: ImportEntity) => labelOf(e) },
            { key: 'time', title: t('recent.time'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, i18n.language) },
            {
              key: 'status',
              title: t('recent.status'),
              dataIndex: 'status',
              render: (s: ImportJob['status']) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
            },
            {
              key: 'counts',
              title: t('recent.counts'),
              render: (_, j) => (j.status === 'uploaded' ? '—' : `${j.okRows.toLocaleString()} / ${j.errorRows.toLocaleString()}`),
            },
          ]}
        />
      )}
    </Card>
  );
}
