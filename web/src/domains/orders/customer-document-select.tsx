import type { ListResult } from '@contracts/common.js';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { http } from '../../app/api-client.js';

type Props = Omit<SelectProps<string>, 'options'> & {
  /** '/contracts' (effective ones) or '/opportunities' (open ones) of the customer. */
  source: 'contracts' | 'opportunities';
  customerId: string | undefined;
  /** What the field holds now is called, should it no longer be among the options (a contract since ended). */
  currentLabel?: string | null;
};

const QUERY = {
  contracts: { status: 'effective', label: (r: Row) => `${r.number ?? ''} ${r.title ?? ''}`.trim() },
  opportunities: { status: 'open', label: (r: Row) => r.name ?? '' },
} as const;

interface Row {
  id: string;
  number?: string;
  title?: string;
  name?: string;
}

/** The customer's effective contracts or open deals an order may refer to (read from their list APIs). */
export function CustomerDocumentSelect({ source, customerId, currentLabel, ...props }: Props) {
  const q = { customerId, status: QUERY[source].status, pageSize: 50 };
  const { data, isFetching } = useQuery({
    queryKey: [source, 'list', { ...q, picker: 'orders' }],
    queryFn: () => http.get<ListResult<Row>>(`/${source}`, q),
    enabled: !!customerId,
    staleTime: 30_000,
  });
  return (
    <Select<string>
      allowClear
      loading={isFetching}
      disabled={!customerId}
      options={(data?.items ?? []).map((r) => ({ value: r.id, label: QUERY[source].label(r) }))}
      labelRender={(p) => p.label ?? currentLabel ?? p.value}
      {...props}
    />
  );
}
