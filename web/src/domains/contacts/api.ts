import type { ListResult } from '@contracts/common.js';
import type { Contact } from '@contracts/contacts.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { Contact };

/** The editable fields; a new contact adds customerId, an edit adds the version it started from. */
export interface ContactInput {
  name: string;
  title: string | null;
  department: string | null;
  role: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  notes: string | null;
  isPrimary: boolean;
}

// ['contacts', …] also prefixes the shared timeline's history query (['contacts', id, 'history']).
export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => ['contacts', 'list'] as const,
  list: (query: Query) => ['contacts', 'list', query] as const,
  detail: (id: string) => ['contacts', id] as const,
};

const fetchContact = (id: string) => http.get<Contact>(`/contacts/${id}`);

export function useContacts(query: Query, enabled = true) {
  return useQuery({
    queryKey: contactKeys.list(query),
    queryFn: () => http.get<ListResult<Contact>>('/contacts', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContact(id: string | undefined) {
  return useQuery({
    queryKey: contactKeys.detail(id ?? ''),
    queryFn: () => fetchContact(id as string),
    enabled: !!id,
  });
}

export const reloadContact = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: contactKeys.detail(id), queryFn: () => fetchContact(id), staleTime: 0 });

/**
 * Contacts change their customer's summary (contact count, primary contact) and, when one becomes
 * primary, the other contacts of that customer: both lists and the customer are refreshed.
 */
async function afterContactChange(qc: QueryClient, customerId: string | undefined, deletedId?: string) {
  await Promise.all([
    // A deleted contact's own queries are left alone: asking for it again would only answer 404.
    qc.invalidateQueries({ queryKey: contactKeys.all, predicate: (q) => !deletedId || q.queryKey[1] !== deletedId }),
    qc.invalidateQueries({ queryKey: ['customers', 'list'] }),
    customerId ? qc.invalidateQueries({ queryKey: ['customers', customerId], exact: true }) : Promise.resolve(),
  ]);
}

export function useSaveContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ContactInput & { customerId?: string; version?: number } }) =>
      id ? http.patch<Contact>(`/contacts/${id}`, body) : http.post<Contact>('/contacts', body),
    onSuccess: async (saved) => {
      qc.setQueryData(contactKeys.detail(saved.id), saved);
      await afterContactChange(qc, saved.customerId);
    },
  });
}

export function useDeleteContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (contact: Contact) => http.delete<{ ok: true }>(`/contacts/${contact.id}`),
    onSuccess: async (_r, contact) => {
      await afterContactChange(qc, contact.customerId, contact.id);
    },
  });
}
