import type { Locale } from '@contracts/common.js';
import { format } from '../../platform/i18n/messages.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { notify } from '../../platform/notifications/notify.js';
import { dueReminders } from './task-service.js';
import { registerNotificationKind } from '../../platform/notifications/notification-kinds.js';

export const TASK_REMINDER_JOB = 'task-reminders';

// A reminder is set for a moment: its mail must not wait for the hour's digest.
registerNotificationKind({
  key: 'task_reminder',
  labels: { 'zh-CN': '任务提醒', 'zh-TW': '任務提醒', en: 'Task reminders' },
  category: 'reminder',
  urgent: true,
  emailDefault: false,
});

const TEXT: Record<Locale, string> = { 'zh-CN': '任务提醒：{title}', 'zh-TW': '任務提醒：{title}', en: 'Task reminder: {title}' };

// C5: a task's reminder reaches its assignee once (per reminder time) within a minute of it.
registerJob({
  name: TASK_REMINDER_JOB,
  everyMs: 60_000,
  async run(trx, ctx) {
    const due = await dueReminders(trx, ctx.clock.now());
    await notify(
      trx,
      due.map((t) => ({
        userId: t.owner_id,
        kind: 'task_reminder',
        title: format(TEXT[(t.locale in TEXT ? t.locale : 'zh-CN') as Locale], { title: t.title }),
        body: t.due_at ? new Date(t.due_at).toISOString() : null,
        link: `/tasks?focus=${t.id}`,
        dedupeKey: `task_reminder:${t.id}:${new Date(t.remind_at).toISOString()}`,
      })),
    );
  },
});
