import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

type ParamValue = string | string[] | number | boolean | null | undefined;

/**
 * A list page's filters, sort and page live in the URL's search params, so back, refresh and a
 * shared link all show the same view. Changes replace the current history entry.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();

  const text = (key: string) => params.get(key) ?? undefined;
  const list = (key: string) => (params.get(key) ?? '').split(',').filter(Boolean);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const rawSize = Number(params.get('pageSize'));
  const pageSize = PAGE_SIZES.includes(rawSize) ? rawSize : DEFAULT_PAGE_SIZE;
  const sort = params.get('sort') ?? undefined;

  /** Sets (or, when empty, removes) params; any change but paging goes back to page 1. */
  const update = useCallback(
    (patch: Record<string, ParamValue>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            const s = Array.isArray(v) ? v.join(',') : v === null || v === undefined || v === false ? '' : String(v);
            if (s === '') next.delete(k);
            else next.set(k, s);
          }
          if (!('page' in patch)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  /** Clears the given filter keys (page size and sort stay). */
  const clear = useCallback((keys: string[]) => update(Object.fromEntries(keys.map((k) => [k, undefined]))), [update]);

  return { params, text, list, page, pageSize, sort, update, clear };
}

/** `sort=-field` → the antd sort order of that column. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (!sort) return null;
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The antd sorter → the API's `field` / `-field` (undefined: the server's default order). */
export function sortParamOf<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || !s.columnKey) return undefined;
  return s.order === 'descend' ? `-${String(s.columnKey)}` : String(s.columnKey);
}

/**
 * A search box that follows the URL (back / refresh) and commits to it shortly after typing
 * stops, or at once on Enter.
 */
export function useSearchText(value: string | undefined, commit: (q: string | undefined) => void, delay = 400) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    const q = text.trim();
    if (q === (value ?? '')) return;
    const timer = setTimeout(() => commit(q || undefined), delay);
    return () => clearTimeout(timer);
  }, [text, value, commit, delay]);
  return {
    text,
    setText,
    submit: (q: string) => {
      setText(q);
      if (q.trim() !== (value ?? '')) commit(q.trim() || undefined);
    },
  };
}
