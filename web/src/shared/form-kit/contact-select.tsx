import type { ListResult } from '@contracts/common.js';
import type { Contact } from '@contracts/contacts.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { http } from '../../app/api-client.js';

type Props = Omit<SelectProps<string>, 'options' | 'loading'> & {
  /** Only this customer's contacts are offered; without one the field waits for it. */
  customerId: string | null | undefined;
  /** Shown while no customer is chosen. */
  placeholderWithoutCustomer?: string;
  /** The contact the record holds now, named even if it has been removed since. */
  current?: { id: string | null; name: string | null } | null;
};

/** Picks a contact of the chosen customer, the primary contact first. */
export function ContactSelect({ customerId, placeholder, placeholderWithoutCustomer, current, disabled, ...props }: Props) {
  const query = { customerId: customerId ?? undefined, pageSize: 200, sort: 'name' };
  // Under the contacts' list key, so a contact added elsewhere shows up here.
  const { data, isFetching } = useQuery({
    queryKey: ['contacts', 'list', query],
    queryFn: () => http.get<ListResult<Contact>>('/contacts', query),
    placeholderData: keepPreviousData,
    enabled: !!customerId,
  });
  const options = (data?.items ?? [])
    // The previous customer's list stays on screen while the new one loads: never offer it.
    .filter((c) => c.customerId === customerId)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
    .map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }));
  if (current?.id && current.name && !options.some((o) => o.value === current.id)) {
    options.push({ value: current.id, label: current.name });
  }
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={disabled || !customerId}
      loading={isFetching}
      placeholder={customerId ? placeholder : placeholderWithoutCustomer}
      options={options}
      {...props}
    />
  );
}
