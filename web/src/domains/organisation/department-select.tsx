import { TreeSelect, type TreeSelectProps } from 'antd';
import { useDepartments } from './api.js';
import { departmentTreeOptions } from './department-tree.js';

/** Picks a department from the tree, searchable by name; `disabledIds` cannot be chosen. */
export function DepartmentSelect({ disabledIds, ...props }: TreeSelectProps<string> & { disabledIds?: Set<string> }) {
  const { data, isLoading } = useDepartments();
  return (
    <TreeSelect<string>
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={isLoading}
      popupMatchSelectWidth={false}
      // No closing slide: the tree (with names like 华东销售部) vanishes at once, so a picker opened right
      // after it, e.g. roles where one types 销售, never shows the stale tree next to its own options.
      transitionName=""
      treeData={departmentTreeOptions(data?.items ?? [], disabledIds)}
      {...props}
    />
  );
}
