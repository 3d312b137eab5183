import type { ListResult } from '@contracts/common.js';
import type { Note } from '@contracts/notes.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { Note };
export interface NoteInput {
  title: string;
  body: string;
  tags: string[];
  links: { entity: 'customer' | 'contact' | 'lead'; recordId: string }[];
}

const keys = { all: ['notes'] as const };

export const useNotes = (query: Query) =>
  useQuery({
    queryKey: [...keys.all, 'list', query],
    queryFn: () => http.get<ListResult<Note>>('/notes', query),
    placeholderData: keepPreviousData,
  });

export const useNote = (id: string | undefined) =>
  useQuery({ queryKey: [...keys.all, id], queryFn: () => http.get<Note>(`/notes/${id}`), enabled: !!id });

export const useNoteTags = () =>
  useQuery({ queryKey: [...keys.all, 'tags'], queryFn: () => http.get<{ items: { tag: string; count: number }[] }>('/notes/tags') });

function useNoteMutation<T>(fn: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.all }), qc.invalidateQueries({ queryKey: ['follow-ups'] })]);
    },
  });
}

export const useSaveNote = () =>
  useNoteMutation(({ id, version, body }: { id?: string; version?: number; body: NoteInput }) =>
    id ? http.patch<Note>(`/notes/${id}`, { ...body, version }) : http.post<Note>('/notes', body),
  );
export const useDeleteNote = () => useNoteMutation((id: string) => http.delete(`/notes/${id}`));
