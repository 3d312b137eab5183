import type { ImportEntity, ImportError, ImportJob, ImportRunBody } from '@contracts/imports.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../app/api-client.js';

export type { ImportEntity, ImportError, ImportJob };

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
      void qc.invalidateQueries({ queryKey: keys.all });
      // Imported rows show up in the lists they went into.
      for (const k of ['customers', 'contacts', 'leads']) void qc.invalidateQueries({ queryKey: [k] });
    },
  });
}
