import type { Db } from '../../platform/db/database.js';
import type { FollowUpRow } from './follow-up-table.js';

/** Other domains react to a new follow-up (a visit fulfils a visit plan …) without the follow-up code knowing them. */
export type FollowUpListener = (trx: Db, followUp: FollowUpRow, env: { timeZone: string }) => Promise<void>;

const listeners: FollowUpListener[] = [];
export function onFollowUpCreated(listener: FollowUpListener): void {
  listeners.push(listener);
}

export async function emitFollowUpCreated(trx: Db, followUp: FollowUpRow, env: { timeZone: string }): Promise<void> {
  for (const l of listeners) await l(trx, followUp, env);
}
