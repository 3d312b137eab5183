import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { Db } from '../db/database.js';

export interface Job {
  name: string;
  /** How often the job should run; each server ticks, but only one runs it per interval. */
  everyMs: number;
  run(trx: Db, ctx: AppContext): Promise<unknown>;
}

const jobs = new Map<string, Job>();

/** Domains register their scheduled work; the scheduler itself knows no domain. */
export function registerJob(job: Job): void {
  jobs.set(job.name, job);
}

export const registeredJobs = () => [...jobs.values()];

function lockKey(name: string): bigint {
  return createHash('sha256').update(`job:${name}`).digest().readBigInt64BE(0);
}

/**
 * Runs the job if it is due and no other server holds its lock. The transaction-scoped advisory
 * lock and the job_runs row together make two servers ticking at once run it exactly once.
 */
export async function runJobIfDue(ctx: AppContext, job: Job, opts: { force?: boolean } = {}): Promise<'ran' | 'skipped' | 'locked'> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${lockKey(job.name).toString()}::bigint) AS locked`.execute(trx);
    if (!rows[0]?.locked) return 'locked';
    const last = await trx.selectFrom('job_runs').select('last_started_at').where('name', '=', job.name).executeTakeFirst();
    if (!opts.force && last && now.getTime() - last.last_started_at.getTime() < job.everyMs) return 'skipped';
    await trx
      .insertInto('job_runs')
      .values({ name: job.name, last_started_at: now, last_finished_at: null, last_error: null })
      .onConflict((oc) => oc.column('name').doUpdateSet({ last_started_at: now, last_finished_at: null, last_error: null }))
      .execute();
    await job.run(trx, ctx);
    await trx.updateTable('job_runs').set({ last_finished_at: ctx.clock.now() }).where('name', '=', job.name).execute();
    return 'ran';
  });
}

/** Ticks every registered job once a minute (first tick shortly after start). Returns a stop function. */
export function startScheduler(ctx: AppContext, log: { error(obj: unknown, msg: string): void }, tickMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    for (const job of jobs.values()) {
      try {
        await runJobIfDue(ctx, job);
      } catch (err) {
        log.error({ err, job: job.name }, 'scheduled job failed');
        await ctx.db
          .insertInto('job_runs')
          .values({ name: job.name, last_started_at: ctx.clock.now(), last_error: String(err).slice(0, 2000) })
          .onConflict((oc) => oc.column('name').doUpdateSet({ last_error: String(err).slice(0, 2000) }))
          .execute()
          .catch(() => undefined);
      }
    }
    running = false;
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, tickMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
