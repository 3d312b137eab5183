import { Badge } from 'antd';
import { useTodoCount } from './api.js';

/** The 审批 menu entry's count of requests waiting on me. */
export function TodoBadge() {
  const count = useTodoCount().data ?? 0;
  return <Badge count={count} size="small" overflowCount={99} style={{ marginInlineStart: 8 }} data-testid="approval-todo-badge" />;
}
