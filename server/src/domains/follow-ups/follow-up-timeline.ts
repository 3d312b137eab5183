import type { FOLLOW_UP_TYPES } from '@contracts/follow-ups.js';
import { registerTimelineProvider } from '../customers/timeline.js';
import { followUpsToApi, type FollowUpRow } from './follow-up-service.js';

type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

// C8: every follow-up of the customer, whoever wrote it — seeing the customer means seeing its story.
registerTimelineProvider({
  type: 'follow_up',
  async fetch(db, _actor, customerId, { before, limit }) {
    let q = db.selectFrom('follow_ups').selectAll().where('customer_id', '=', customerId).where('deleted_at', 'is', null);
    if (before) q = q.where('occurred_at', '<', before);
    const rows = (await q.orderBy('occurred_at', 'desc').limit(limit).execute()) as FollowUpRow[];
    return (await followUpsToApi(db, rows)).map((f) => ({
      type: 'follow_up',
      id: f.id,
      at: f.occurredAt,
      title: f.type satisfies FollowUpType,
      body: f.content,
      actorName: f.ownerName,
      meta: { outcome: f.outcome, contactName: f.contactName, nextFollowUpDate: f.nextFollowUpDate, followUpType: f.type },
    }));
  },
});
