import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { assertContractStatus } from '../contracts/public.js';

export interface ReceivableContract {
  id: string;
  number: string;
  title: string;
  status: 'draft' | 'in_approval' | 'effective' | 'terminated' | 'voided';
  amount: string;
  owner_id: string;
  owner_dept_id: string | null;
  customer_id: string;
}

/**
 * The contract a plan or payment belongs to, within the actor's scope (else 404). `lock` takes the
 * contract row FOR UPDATE: every change to its plan or allocations goes through this lock, so two
 * payments at once are decided one after the other and cannot over-allocate together.
 */
export async function receivableContract(
  db: Db,
  actor: Actor,
  id: string,
  opts: { lock?: boolean; effective?: boolean } = {},
): Promise<ReceivableContract> {
  const { rows } = await sql<ReceivableContract>`
    SELECT c.id, c.number, c.title, c.status, c.amount, c.owner_id, c.owner_dept_id, c.customer_id FROM contracts c
    WHERE c.id = ${id} AND c.deleted_at IS NULL AND ${scopeFilter(actor, 'c')}
    ${opts.lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  const c = rows[0];
  if (!c) throw new AppError('NOT_FOUND');
  if (opts.effective) assertContractStatus(c, ['effective']);
  return c;
}

export interface InstalmentState {
  id: string;
  position: number;
  due_date: string;
  amount: string;
  milestone: string | null;
  note: string | null;
  allocated: string;
  paid: string;
}

/**
 * A contract's instalments with what live payments reserve on each (expected, in approval or
 * confirmed) and what confirmed ones paid: columns the triggers of 0048 keep.
 */
export async function instalmentStates(db: Db, contractId: string): Promise<InstalmentState[]> {
  const { rows } = await sql<InstalmentState>`
    SELECT i.id, i.position, i.due_date, i.amount, i.milestone, i.note, i.allocated, i.paid
      FROM payment_instalments i WHERE i.contract_id = ${contractId} ORDER BY i.position`.execute(db);
  return rows;
}
