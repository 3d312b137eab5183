import type { ProductCategory } from '@contracts/products.js';

export interface CategoryNode extends ProductCategory {
  children?: CategoryNode[];
}

/** Flat list (ordered by sortOrder, name) → tree; a category whose parent is gone becomes a root. */
export function buildCategoryTree(items: ProductCategory[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(items.map((c) => [c.id, { ...c }]));
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id) as CategoryNode;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (!parent) roots.push(node);
    else parent.children = [...(parent.children ?? []), node];
  }
  return roots;
}

/** The category itself and everything below it (what cannot become its parent). */
export function categorySubtree(items: ProductCategory[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of items) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

export interface CategoryOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: CategoryOption[];
}

/** TreeSelect data; `disabledIds` cannot be picked. */
export function categoryOptions(items: ProductCategory[], disabledIds?: Set<string>): CategoryOption[] {
  const toOption = (n: CategoryNode): CategoryOption => ({
    value: n.id,
    title: n.name,
    disabled: disabledIds?.has(n.id) || undefined,
    children: n.children?.map(toOption),
  });
  return buildCategoryTree(items).map(toOption);
}
