import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/access/actor.js';
import { businessDate } from '../../platform/dates.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { writeHistory } from '../../platform/records/history.js';

export const QUOTE_EXPIRY_JOB = 'quote-expiry';

/** A quote the customer has not accepted by its valid-until date (company time zone) expires. */
registerJob({
  name: QUOTE_EXPIRY_JOB,
  everyMs: 60 * 60_000,
  async run(trx, ctx) {
    const today = businessDate(ctx.clock.now(), ctx.config.CRM_TIME_ZONE);
    const expired = await trx
      .updateTable('quotes')
      .set({ status: 'expired', version: sql`version + 1`, updated_at: ctx.clock.now() })
      .where('status', 'in', ['approved', 'sent'])
      .where('valid_until', '<', today)
      .where('deleted_at', 'is', null)
      .returning(['id'])
      .execute();
    for (const q of expired)
      await writeHistory(trx, SYSTEM_ACTOR, {
        entity: 'quote',
        recordId: q.id,
        action: 'update',
        changes: [{ field: 'status', old: null, new: 'expired' }],
      });
  },
});
