import type { ImportEntity, ImportError, ImportJob, ImportRunBody, ImportTarget } from '@contracts/imports.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';

export type { ImportEntity, ImportError, ImportJob, ImportTarget };

const keys = { all: ['imports'] as const, job: (id: string) => ['imports', id] as const };
const moving = (job?: ImportJob) => job?.status === 'checking' || job?.status === 'importing';

/** The job, polled twice a second while it runs: the progress bar follows the server's own counters. */
export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: keys.job(id ?? ''),
    queryFn: () => http.get<ImportJob>(`/imports/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (moving(q.state.data) ? 500 : false),
  });
}

export function useImportErrors(job: ImportJob | undefined) {
  const settled = !!job && !moving(job) && job.errorRows > 0;
  return useQuery({
    queryKey: [...keys.job(job?.id ?? ''), 'errors', job?.status, job?.finishedAt],
    queryFn: () => http.get<{ items: ImportError[]; total: number }>(`/imports/${job?.id}/errors`, { limit: 200 }),
    enabled: settled,
  });
}

/** What the caller may import (the server's registered imports), with names in the caller's language. */
export function useImportTargets() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['import-targets', i18n.language],
    queryFn: () => http.get<{ items: ImportTarget[] }>('/imports/targets'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** An entity's name for headings and buttons: blank while the list loads, the bare key if it is not offered. */
export function useEntityLabel(): (entity: string) => string {
  const targets = useImportTargets().data?.items;
  return (entity) => targets?.find((x) => x.entity === entity)?.label ?? (targets ? entity : '');
}

export const useRecentImports = () =>
  useQuery({ queryKey: [...keys.all, 'recent'], queryFn: () => http.get<{ items: Omit<ImportJob, 'sample' | 'fields'>[] }>('/imports') });

export function useUploadImport() {
  return useMutation({
    mutationFn: ({ entity, file }: { entity: ImportEntity; file: File }) => {
      // Browsers give .csv an empty or odd type on some systems; the server sniffs the content anyway.
      const type = /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      return http.upload<ImportJob>('/imports', new Blob([file], { type }), { entity, fileName: file.name });
    },
  });
}

export function useRunImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ImportRunBody }) => http.post<ImportJob>(`/imports/${id}/run`, body),
    onSuccess: (job) => {
      qc.setQueryData(keys.job(job.id), job);
      // Imported rows may show in any list (a contact changes its customer's counts): all of it is stale.
      void qc.invalidateQueries();
    },
  });
}
