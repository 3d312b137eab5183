import { sql } from 'kysely';
import { olderThan, registerTimelineProvider } from './timeline.js';

const KIND = {
  submit: '提交审批',
  approve: '同意',
  reject: '驳回',
  withdraw: '撤回',
  comment: '评论',
  reassign: '转交',
  fallback: '转备用审批人',
  approved: '审批通过',
} as const;

// Q3: every approval action on a document of this customer (quote, contract, amendment …) is on its
// timeline, with who did it and the comment.
registerTimelineProvider({
  type: 'approval',
  async fetch(db, _actor, customerId, page) {
    const { rows } = await sql<{
      id: string;
      at: Date;
      kind: keyof typeof KIND;
      comment: string | null;
      title: string;
      request_id: string;
      document_type: string;
      who: string | null;
    }>`
      SELECT a.id, a.created_at AS at, a.kind, a.comment, r.title, r.id AS request_id, r.document_type, u.display_name AS who
        FROM approval_actions a JOIN approval_requests r ON r.id = a.request_id LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.customer_id = ${customerId} AND ${olderThan('a.created_at', 'a.id', page)}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ${page.limit}`.execute(db);
    return rows.map((r) => ({
      type: 'approval',
      id: r.id,
      at: new Date(r.at).toISOString(),
      title: `${KIND[r.kind] ?? r.kind} · ${r.title}`,
      body: r.comment,
      actorName: r.who,
      meta: { kind: r.kind, requestId: r.request_id, documentType: r.document_type },
    }));
  },
});
