import { BellOutlined, CheckSquareOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Grid, Popover, Skeleton, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime, relativeTime } from '../../shared/dates.js';
import { type Notification, useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './api.js';
import './follow-ups.css';

const KIND_ICON: Record<string, { icon: ReactNode; color: string }> = {
  follow_up_due: { icon: <ClockCircleOutlined />, color: '#fa541c' },
  task_reminder: { icon: <CheckSquareOutlined />, color: '#fa8c16' },
};
const DEFAULT_ICON = { icon: <BellOutlined />, color: '#1677ff' };
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** C6 / C5: the header bell — unread count, the latest 20 notifications, click to open what they are about. */
export function NotificationBell() {
  const { t, i18n } = useTranslation('followUps');
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const phone = !Grid.useBreakpoint().sm;
  const { data, isLoading, isError, refetch } = useNotifications();
  const markRead = useMarkNotificationRead();
  const readAll = useMarkAllNotificationsRead();
  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];

  // Some reminders carry a bare time as their body (a task's due time): show it as a sentence.
  const bodyOf = (n: Notification) => {
    if (!n.body) return null;
    return ISO_INSTANT.test(n.body) ? t('notifications.dueAt', { time: formatDateTime(n.body, i18n.language) }) : n.body;
  };

  const openOne = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (!n.link) return;
    if (n.link.startsWith('/')) navigate(n.link);
    else window.open(n.link, '_blank', 'noopener,noreferrer');
  };

  const header = (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        padding: '10px 16px',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <span>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        {unread > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {t('notifications.unread', { count: unread })}
          </Typography.Text>
        )}
      </span>
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        disabled={unread === 0}
        loading={readAll.isPending}
        onClick={() => readAll.mutate()}
        data-testid="notification-read-all"
      >
        {t('notifications.readAll')}
      </Button>
    </div>
  );

  const list = isLoading ? (
    <div style={{ padding: 16 }}>
      <Skeleton active paragraph={{ rows: 3 }} title={false} />
    </div>
  ) : isError && items.length === 0 ? (
    <div style={{ padding: 24, textAlign: 'center' }}>
      <Typography.Text type="secondary">{t('notifications.loadFailed')}</Typography.Text>{' '}
      <Button type="link" size="small" onClick={() => void refetch()}>
        {t('common:actions.reload')}
      </Button>
    </div>
  ) : items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: '24px 0' }} />
  ) : (
    <div className="fu-notice-list" data-testid="notification-list">
      {items.map((n) => {
        const kind = KIND_ICON[n.kind] ?? DEFAULT_ICON;
        const body = bodyOf(n);
        return (
          <button
            key={n.id}
            type="button"
            className={n.readAt ? 'fu-notice' : 'fu-notice fu-notice-unread'}
            onClick={() => openOne(n)}
            data-testid="notification-item"
          >
            <span className="fu-notice-icon" style={{ color: kind.color, background: `${kind.color}1a` }}>
              {kind.icon}
            </span>
            <span className="fu-notice-main">
              <span className="fu-notice-title">{n.title}</span>
              {body && <span className="fu-notice-body">{body}</span>}
              <span className="fu-notice-time" title={formatDateTime(n.createdAt, i18n.language)}>
                {relativeTime(n.createdAt, i18n.language, t('notifications.justNow'))}
              </span>
            </span>
            {!n.readAt && <Badge status="processing" className="fu-notice-dot" />}
          </button>
        );
      })}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      // On a phone the bell sits mid-header: centred under it (and shifted to fit), the list stays on screen.
      placement={phone ? 'bottom' : 'bottomRight'}
      arrow={false}
      content={
        <div style={{ width: 360, maxWidth: 'calc(100vw - 24px)' }}>
          {header}
          {list}
        </div>
      }
      styles={{ container: { padding: 0 } }}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notifications.open')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
