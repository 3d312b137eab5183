import type { Locale } from '@contracts/common.js';
import type { Db } from '../db/database.js';
import { format } from '../i18n/messages.js';
import { notify } from '../notifications/notify.js';
import { approvalType } from './approval-registry.js';
import { registerNotificationKind } from '../notifications/notification-kinds.js';

const TEXT: Record<Locale, { todo: string; approved: string; rejected: string }> = {
  'zh-CN': {
    todo: '待您审批：{type}「{title}」（{step}）',
    approved: '审批通过：{type}「{title}」',
    rejected: '审批被驳回：{type}「{title}」',
  },
  'zh-TW': {
    todo: '待您審批：{type}「{title}」（{step}）',
    approved: '審批通過：{type}「{title}」',
    rejected: '審批被駁回：{type}「{title}」',
  },
  en: {
    todo: 'Awaiting your approval: {type} "{title}" ({step})',
    approved: 'Approved: {type} "{title}"',
    rejected: 'Rejected: {type} "{title}"',
  },
};

interface RequestRef {
  id: string;
  document_type: string;
  document_id: string;
  title: string;
  submitted_by: string;
}

async function localesOf(db: Db, userIds: string[]): Promise<Map<string, Locale>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'locale']).where('id', 'in', userIds).execute();
  return new Map(rows.map((u) => [u.id, (u.locale in TEXT ? u.locale : 'zh-CN') as Locale]));
}

const link = (r: RequestRef) => `/approvals/${r.id}`;

// Approvals wait on people: the approver's 待办 goes by mail at once, outcomes in the hour's digest.
registerNotificationKind({
  key: 'approval_todo',
  labels: { 'zh-CN': '待我审批', 'zh-TW': '待我審批', en: 'Awaiting my approval' },
  category: 'approval',
  urgent: true,
  emailDefault: true,
});
registerNotificationKind({
  key: 'approval_approved',
  labels: { 'zh-CN': '我的申请已通过', 'zh-TW': '我的申請已通過', en: 'My request approved' },
  category: 'approval',
  urgent: false,
  emailDefault: false,
});
registerNotificationKind({
  key: 'approval_rejected',
  labels: { 'zh-CN': '我的申请被驳回', 'zh-TW': '我的申請被駁回', en: 'My request rejected' },
  category: 'approval',
  urgent: false,
  emailDefault: true,
});

/** The next approvers hear of it in the bell (and see it in 待我审批). */
export async function notifyApprovers(trx: Db, r: RequestRef, stepName: string, userIds: string[]) {
  const locales = await localesOf(trx, userIds);
  const labels = approvalType(r.document_type)?.labels;
  await notify(
    trx,
    userIds.map((userId) => {
      const locale = locales.get(userId) ?? 'zh-CN';
      return {
        userId,
        kind: 'approval_todo',
        title: format(TEXT[locale].todo, { type: labels?.[locale] ?? r.document_type, title: r.title, step: stepName }),
        link: link(r),
        dedupeKey: `approval_todo:${r.id}:${stepName}:${userId}`,
      };
    }),
  );
}

/** The submitter hears the outcome; a rejection carries the approver's comment. */
export async function notifySubmitter(trx: Db, r: RequestRef, outcome: 'approved' | 'rejected', comment: string | null) {
  const locale = (await localesOf(trx, [r.submitted_by])).get(r.submitted_by) ?? 'zh-CN';
  const labels = approvalType(r.document_type)?.labels;
  await notify(trx, [
    {
      userId: r.submitted_by,
      kind: `approval_${outcome}`,
      title: format(TEXT[locale][outcome], { type: labels?.[locale] ?? r.document_type, title: r.title }),
      body: comment,
      link: link(r),
      dedupeKey: `approval_${outcome}:${r.id}`,
    },
  ]);
}
