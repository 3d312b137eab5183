import { TreeSelect, type TreeSelectProps } from 'antd';
import { useProductCategories } from './api.js';
import { categoryOptions } from './category-tree.js';

/** Picks a product category from the tree, searchable by name; `disabledIds` cannot be chosen. */
export function CategorySelect({ disabledIds, ...props }: TreeSelectProps<string> & { disabledIds?: Set<string> }) {
  const { data, isLoading } = useProductCategories();
  return (
    <TreeSelect<string>
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={isLoading}
      popupMatchSelectWidth={false}
      transitionName=""
      treeData={categoryOptions(data?.items ?? [], disabledIds)}
      {...props}
    />
  );
}
