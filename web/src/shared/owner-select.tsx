import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { http } from '../app/api-client.js';

interface UserOption {
  id: string;
  displayName: string;
  departmentName: string | null;
}

export function useUserOptions() {
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => http.get<{ items: UserOption[] }>('/users/options'),
    staleTime: 60_000,
  });
}

/** Picks an active user (owner, manager, transfer target), labelled with their department. */
export function OwnerSelect(props: SelectProps<string>) {
  const { data, isLoading } = useUserOptions();
  return (
    <Select<string>
      showSearch
      allowClear
      loading={isLoading}
      optionFilterProp="label"
      options={(data?.items ?? []).map((u) => ({
        value: u.id,
        label: u.departmentName ? `${u.displayName}（${u.departmentName}）` : u.displayName,
      }))}
      {...props}
    />
  );
}
