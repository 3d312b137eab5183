import type { Notification, NotificationCategory, NotificationKindPref } from '@contracts/notifications.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../app/api-client.js';

export type { Notification, NotificationCategory, NotificationKindPref };

interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}
export interface NotificationFilter {
  category?: NotificationCategory;
  unread?: boolean;
  page: number;
  limit: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (f: NotificationFilter) => ['notifications', 'list', f] as const,
  prefs: ['notification-prefs'] as const,
};

// The bell polls the count (one indexed count; any server answers from the database, so it works
// behind a load balancer) and refetches when the tab regains focus; a count that changed pulls the list.
export const UNREAD_POLL_MS = 30_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => http.get<{ unread: number }>('/notifications/unread-count'),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useNotificationList(f: NotificationFilter, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: notificationKeys.list(f),
    queryFn: () =>
      http.get<NotificationPage>('/notifications', {
        page: f.page,
        limit: f.limit,
        ...(f.category ? { category: f.category } : {}),
        ...(f.unread ? { unread: 'true' } : {}),
      }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.post<{ ok: true }>(`/notifications/${id}/read`),
    onMutate: (id) => {
      // Read at once on screen; the refetch below confirms it.
      let wasUnread = false;
      qc.setQueriesData<NotificationPage>({ queryKey: [...notificationKeys.all, 'list'] }, (old) => {
        if (!old) return old;
        if (old.items.some((n) => n.id === id && !n.readAt)) wasUnread = true;
        return { ...old, items: old.items.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: new Date().toISOString() } : n)) };
      });
      if (wasUnread) qc.setQueryData<{ unread: number }>(notificationKeys.unread, (old) => old && { unread: Math.max(0, old.unread - 1) });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<{ ok: true }>('/notifications/read-all'),
    onSuccess: () => qc.setQueryData(notificationKeys.unread, { unread: 0 }),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPrefs() {
  return useQuery({
    queryKey: notificationKeys.prefs,
    queryFn: () => http.get<{ emailAddress: string | null; kinds: NotificationKindPref[] }>('/notifications/preferences'),
  });
}

export function useSetEmailPref() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, email }: { kind: string; email: boolean }) =>
      http.put<{ ok: true }>(`/notifications/preferences/${encodeURIComponent(kind)}`, { email }),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.prefs }),
  });
}
