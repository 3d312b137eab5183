import type { ListResult } from '@contracts/common.js';
import type { Product, ProductCategory, ProductKind } from '@contracts/products.js';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, type Query } from '../../app/api-client.js';

export type { Product, ProductCategory, ProductKind };

/** The editable fields; a new product adds its kind, an edit the version it started from. */
export interface ProductInput {
  code: string;
  name: string;
  specification: string | null;
  unit: string;
  categoryId: string | null;
  /** A plain product's price; a bundle's is worked out by the server from its lines. */
  listPrice?: string;
  /** Only sent by those who may see costs. */
  costPrice?: string | null;
  taxRate: string;
  active: boolean;
  description: string | null;
  components?: { productId: string; quantity: string; unitPrice: string }[];
}

// ['products', …] also prefixes the shared timeline's history query (['products', id, 'history']).
export const productKeys = {
  all: ['products'] as const,
  list: (query: Query) => ['products', 'list', query] as const,
  detail: (id: string) => ['products', id] as const,
  categories: ['product-categories'] as const,
};

const fetchProduct = (id: string) => http.get<Product>(`/products/${id}`);

export function useProducts(query: Query, enabled = true) {
  return useQuery({
    queryKey: productKeys.list(query),
    queryFn: () => http.get<ListResult<Product>>('/products', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProduct(id: string | undefined) {
  return useQuery({ queryKey: productKeys.detail(id ?? ''), queryFn: () => fetchProduct(id as string), enabled: !!id });
}

export const reloadProduct = (qc: QueryClient, id: string) =>
  qc.fetchQuery({ queryKey: productKeys.detail(id), queryFn: () => fetchProduct(id), staleTime: 0 });

/** A product's price or name shows in bundles and category counts too: refresh all of them. */
const afterProductChange = (qc: QueryClient, deletedId?: string) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: productKeys.all, predicate: (q) => !deletedId || q.queryKey[1] !== deletedId }),
    qc.invalidateQueries({ queryKey: productKeys.categories }),
  ]);

export function useSaveProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ProductInput & { kind?: ProductKind; version?: number } }) =>
      id ? http.patch<Product>(`/products/${id}`, body) : http.post<Product>('/products', body),
    onSuccess: async (saved) => {
      qc.setQueryData(productKeys.detail(saved.id), saved);
      await afterProductChange(qc);
    },
  });
}

export function useDeleteProduct() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Product) => http.delete<{ ok: true }>(`/products/${p.id}`),
    onSuccess: (_r, p) => afterProductChange(qc, p.id),
  });
}

export function useProductCategories() {
  return useQuery({
    queryKey: productKeys.categories,
    queryFn: () => http.get<{ items: ProductCategory[] }>('/product-categories'),
    staleTime: 60_000,
  });
}

export interface CategoryInput {
  parentId: string | null;
  name: string;
  sortOrder: number;
}

export function useSaveCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CategoryInput & { version?: number } }) =>
      id ? http.patch<ProductCategory>(`/product-categories/${id}`, body) : http.post<ProductCategory>('/product-categories', body),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: productKeys.categories }), qc.invalidateQueries({ queryKey: productKeys.all })]),
  });
}

export function useDeleteCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<{ ok: true }>(`/product-categories/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: productKeys.categories }),
  });
}
