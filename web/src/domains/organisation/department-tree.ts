import type { Department } from '@contracts/organisation.js';

export interface DepartmentNode extends Department {
  children?: DepartmentNode[];
}

/** Flat list (already ordered by sortOrder, name) → tree; a department whose parent is gone becomes a root. */
export function buildDepartmentTree(items: Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(items.map((d) => [d.id, { ...d }]));
  const roots: DepartmentNode[] = [];
  for (const d of items) {
    const node = nodes.get(d.id) as DepartmentNode;
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** The department itself and everything below it. */
export function subtreeIds(items: Department[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of items) {
      if (d.parentId && ids.has(d.parentId) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return ids;
}

export interface DepartmentTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: DepartmentTreeOption[];
}

/** TreeSelect data; `disabledIds` (e.g. a department and its subtree when choosing its parent) cannot be picked. */
export function departmentTreeOptions(items: Department[], disabledIds?: Set<string>): DepartmentTreeOption[] {
  const toOption = (n: DepartmentNode): DepartmentTreeOption => ({
    value: n.id,
    title: n.name,
    disabled: disabledIds?.has(n.id) || undefined,
    children: n.children?.map(toOption),
  });
  return buildDepartmentTree(items).map(toOption);
}

/** '华东大区 / 上海销售部' */
export function departmentPath(items: Department[], id: string | null | undefined): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let cur = id ? items.find((d) => d.id === id) : undefined;
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    names.unshift(cur.name);
    const parentId = cur.parentId;
    cur = parentId ? items.find((d) => d.id === parentId) : undefined;
  }
  return names.join(' / ');
}
