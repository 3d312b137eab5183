import { AuditOutlined, BellOutlined, FileTextOutlined, UserOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime, relativeTime } from '../../shared/dates.js';
import { type Notification, type NotificationCategory, useMarkNotificationRead } from './api.js';
import './notifications.css';

export const CATEGORY_LOOK: Record<NotificationCategory, { icon: ReactNode; color: string }> = {
  reminder: { icon: <BellOutlined />, color: '#fa8c16' },
  approval: { icon: <AuditOutlined />, color: '#1677ff' },
  mention: { icon: <UserOutlined />, color: '#722ed1' },
  report: { icon: <FileTextOutlined />, color: '#13a8a8' },
};
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Opening a notification reads it and goes where it points (a record in the app, or an outside link). */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkNotificationRead();
  return (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    after?.();
    if (!n.link) return;
    if (n.link.startsWith('/')) navigate(n.link);
    else window.open(n.link, '_blank', 'noopener,noreferrer');
  };
}

/** One notification as a button: category icon, title, body, when; unread ones stand out. */
export function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { t, i18n } = useTranslation('notifications');
  const look = CATEGORY_LOOK[n.category] ?? CATEGORY_LOOK.reminder;
  // Some reminders carry a bare time as their body (a task's due time): show it as a sentence.
  const body = n.body && ISO_INSTANT.test(n.body) ? t('item.dueAt', { time: formatDateTime(n.body, i18n.language) }) : n.body;
  return (
    <button
      type="button"
      className={n.readAt ? 'nt-notice' : 'nt-notice nt-notice-unread'}
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      data-unread={n.readAt ? undefined : 'true'}
    >
      <span className="nt-notice-icon" style={{ color: look.color, background: `${look.color}1a` }}>
        {look.icon}
      </span>
      <span className="nt-notice-main">
        <span className="nt-notice-title">{n.title}</span>
        {body && <span className="nt-notice-body">{body}</span>}
        <span className="nt-notice-time" title={formatDateTime(n.createdAt, i18n.language)}>
          {relativeTime(n.createdAt, i18n.language, t('item.justNow'))}
        </span>
      </span>
      {!n.readAt && <Badge status="processing" className="nt-notice-dot" />}
    </button>
  );
}
