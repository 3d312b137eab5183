import type { Locale } from '@contracts/common.js';
import type { NotificationCategory } from '@contracts/notifications.js';

export interface NotificationKind {
  /** Stored on every notification of the kind, e.g. 'task_reminder'. */
  key: string;
  labels: Record<Locale, string>;
  category: NotificationCategory;
  /** Urgent kinds are mailed at once; the others at most once an hour per user, as a digest. */
  urgent: boolean;
  /** Whether the kind also goes by e-mail for a user who has not chosen. */
  emailDefault: boolean;
  /**
   * The sender mails its own, fuller message (the daily report) to the users emailWanted() names;
   * the centre then sends no digest of it, so nobody gets the same news twice.
   */
  mailedBySender?: boolean;
}

const kinds = new Map<string, NotificationKind>();

/** Each domain registers the kinds it sends from its own folder; the centre knows no domain. */
export function registerNotificationKind(kind: NotificationKind): void {
  kinds.set(kind.key, kind);
}

export const registeredNotificationKinds = (): NotificationKind[] => [...kinds.values()];

/** A kind nobody registered (yet) stays in-app only, filed under reminders. */
export function notificationKind(key: string): NotificationKind {
  return (
    kinds.get(key) ?? {
      key,
      labels: { 'zh-CN': key, 'zh-TW': key, en: key },
      category: 'reminder',
      urgent: false,
      emailDefault: false,
    }
  );
}
