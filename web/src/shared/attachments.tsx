import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { StoredFile } from '@contracts/files.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, List, Popconfirm, Skeleton, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, http } from '../app/api-client.js';
import { formatDateTime } from './dates.js';

/** 1536 → '1.5 KB'. */
export function fileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/**
 * The files attached to one record (contract scans, receipts, photos …): list, upload, download
 * and delete with confirmation, over /api/v1/files. The server checks the record's scope and the
 * purpose's types and size; `accept` only narrows the browser's file picker. `canEdit` hides
 * upload and delete for readers.
 */
export function Attachments({
  ownerEntity,
  ownerId,
  purpose,
  accept,
  canEdit = true,
}: {
  ownerEntity: string;
  ownerId: string;
  purpose: string;
  accept?: string;
  canEdit?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const queryKey = ['files', ownerEntity, ownerId];
  const { data, isLoading } = useQuery({
    queryKey,
    queryFn: () => http.get<{ items: StoredFile[] }>('/files', { ownerEntity, ownerId }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const showError = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

  const upload = useMutation({
    mutationFn: (file: File) => http.upload<StoredFile>('/files', file, { ownerEntity, ownerId, purpose, name: file.name }),
    onSuccess: (f) => {
      message.success(t('attachments.uploaded', { name: f.name }));
      void refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => http.delete(`/files/${id}`),
    onSuccess: () => {
      message.success(t('attachments.deleted'));
      void refresh();
    },
    onError: showError,
  });

  if (isLoading) return <Skeleton active />;
  const items = data?.items ?? [];
  return (
    <div data-testid="attachments">
      {canEdit && (
        <Upload
          accept={accept}
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) =>
            upload.mutate(file as File, {
              onSuccess: (f) => onSuccess?.(f),
              onError: (e) => onError?.(e as Error),
            })
          }
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachments-upload">
            {t('attachments.upload')}
          </Button>
        </Upload>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(f) => (
            <List.Item
              key={f.id}
              actions={[
                <a key="download" href={`/api/v1/files/${f.id}/content`} download={f.name} aria-label={t('attachments.download')}>
                  <DownloadOutlined />
                </a>,
                ...(canEdit
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t('attachments.confirmDelete', { name: f.name })}
                        onConfirm={() => remove.mutate(f.id)}
                      >
                        <Button
                          type="text"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          loading={remove.isPending && remove.variables === f.id}
                        />
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <a href={`/api/v1/files/${f.id}/content`} download={f.name}>
                    {f.name}
                  </a>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fileSize(f.sizeBytes)} · {f.createdByName ?? ''} · {formatDateTime(f.createdAt, i18n.language)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
