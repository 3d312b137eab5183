import type { ListResult } from '@contracts/common.js';
import type { TASK_PRIORITIES, TASK_STATUSES, Task } from '@contracts/tasks.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { Task };
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What the form sends: the create body; an edit adds the version it started from. */
export interface TaskInput {
  title: string;
  description: string | null;
  dueAt: string | null;
  priority: TaskPriority;
  status?: TaskStatus;
  remindAt: string | null;
  customerId: string | null;
  contactId: string | null;
  ownerId?: string;
}

// ['tasks', …] also prefixes the shared timeline's history query (['tasks', id, 'history']).
export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => ['tasks', 'list'] as const,
  list: (query: Query) => ['tasks', 'list', query] as const,
  detail: (id: string) => ['tasks', id] as const,
};

const fetchTask = (id: string) => http.get<Task>(`/tasks/${id}`);

export function useTasks(query: Query) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: () => http.get<ListResult<Task>>('/tasks', query),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: taskKeys.detail(id ?? ''),
    queryFn: () => fetchTask(id as string),
    enabled: !!id,
    retry: false,
  });
}

/** Reads the newest version from the server (after a version conflict) and caches it. */
export const reloadTask = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: taskKeys.detail(id), queryFn: () => fetchTask(id), staleTime: 0 });

/** Tasks show on the calendar by due date, so a change there refreshes it too. */
async function afterTaskChange(qc: QueryClient) {
  await Promise.all([qc.invalidateQueries({ queryKey: taskKeys.lists() }), qc.invalidateQueries({ queryKey: ['calendar'] })]);
}

export function useSaveTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TaskInput & { version?: number } }) =>
      id ? http.patch<Task>(`/tasks/${id}`, body) : http.post<Task>('/tasks', body),
    onSuccess: async (saved) => {
      qc.setQueryData(taskKeys.detail(saved.id), saved);
      await afterTaskChange(qc);
    },
  });
}

/** Ticks a task off (or opens it again) from the list, with the version the list row holds. */
export function useSetTaskStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ task, status }: { task: Task; status: TaskStatus }) =>
      http.patch<Task>(`/tasks/${task.id}`, { status, version: task.version }),
    onSuccess: async (saved) => {
      qc.setQueryData(taskKeys.detail(saved.id), saved);
      await afterTaskChange(qc);
    },
  });
}

export function useDeleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/tasks/${id}`),
    // The deleted task's own query is left to expire: asking again would only answer 404.
    onSuccess: () => afterTaskChange(qc),
  });
}
