import { z } from 'zod';
import { idSchema, localeSchema, timestampSchema } from './common.js';

export const NOTIFICATION_CATEGORIES = ['reminder', 'approval', 'mention', 'report'] as const;
export const notificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES);
export type NotificationCategory = z.infer<typeof notificationCategorySchema>;

const notificationSchema = z.object({
  id: idSchema,
  kind: z.string(),
  category: notificationCategorySchema,
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  category: notificationCategorySchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationList = z.object({
  items: z.array(notificationSchema),
  /** Matching the filter, for paging in 消息中心. */
  total: z.number().int(),
  /** All the user's unread notifications, whatever the filter: the bell's number. */
  unread: z.number().int(),
});
export const unreadCountResponse = z.object({ unread: z.number().int() });

export const notificationKindSchema = z.object({
  key: z.string(),
  labels: z.record(localeSchema, z.string()),
  category: notificationCategorySchema,
  urgent: z.boolean(),
  emailDefault: z.boolean(),
  /** This user's choice, or the default when they have not chosen. */
  email: z.boolean(),
});
export type NotificationKindPref = z.infer<typeof notificationKindSchema>;
export const notificationPrefsResponse = z.object({
  /** Where the mails go; null: the user has no address and gets no mail whatever they choose. */
  emailAddress: z.string().nullable(),
  kinds: z.array(notificationKindSchema),
});
export const notificationKindParams = z.object({ kind: z.string().min(1).max(100) });
export const notificationPrefBody = z.object({ email: z.boolean() });
