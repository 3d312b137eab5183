import type { PicklistName } from '@contracts/picklists.js';
import { Select, type SelectProps } from 'antd';
import { usePicklist } from '../use-picklist.js';

/** A field whose values come from an admin-managed picklist (P5); inactive values are not offered. */
export function PicklistSelect({ list, searchable, ...props }: SelectProps<string> & { list: PicklistName; searchable?: boolean }) {
  const { options } = usePicklist(list);
  return <Select<string> allowClear showSearch={searchable ? { optionFilterProp: 'label' } : undefined} options={options} {...props} />;
}
