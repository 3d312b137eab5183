import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { http } from '../../app/api-client.js';
import type { DueAnswer } from './api.js';

/** 发货提醒 in the menu: how many lines are due today or already late (refreshed with the reminders). */
export function DueBadge() {
  const { data } = useQuery({
    queryKey: ['orders', 'due', 'badge'],
    queryFn: () => http.get<DueAnswer>('/deliveries/due', { window: 'today', pageSize: 1 }),
    staleTime: 60_000,
  });
  const count = data ? data.counts.today + data.counts.overdue : 0;
  return <Badge count={count} size="small" overflowCount={99} style={{ marginInlineStart: 8 }} data-testid="delivery-due-badge" />;
}
