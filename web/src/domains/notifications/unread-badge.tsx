import { Badge } from 'antd';
import { useUnreadCount } from './api.js';

/** The menu entry's count: the same query as the bell, so both change together. */
export function UnreadBadge() {
  const unread = useUnreadCount().data?.unread ?? 0;
  return <Badge count={unread} size="small" overflowCount={99} style={{ marginInlineStart: 8 }} data-testid="notification-menu-badge" />;
}
