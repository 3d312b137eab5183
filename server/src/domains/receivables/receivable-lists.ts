import type { ListResult } from '@contracts/common.js';
import type {
  overdueInstalmentSchema,
  receivableListQuery,
  uninvoicedContractSchema,
  unpaidContractSchema,
  unpaidListQuery,
} from '@contracts/receivables.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';

type Page = z.infer<typeof receivableListQuery>;

// Paid means confirmed: an expected payment (预计回款) reserves its instalments but is not money yet.
// What is paid and invoiced per contract and per instalment are columns kept by the triggers of 0048.

/** A list's total: the per-owner counts (receivable_counts) under the same scope rule — a few rows. */
async function countOf(db: Db, actor: Actor, column: 'unpaid' | 'uninvoiced'): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT coalesce(sum(${sql.ref(column)}), 0)::int AS n FROM receivable_counts WHERE ${scopeFilter(actor)}`.execute(db);
  return rows[0]?.n ?? 0;
}

interface UnpaidRow {
  id: string;
  number: string;
  title: string;
  customer_id: string;
  customer_name: string;
  owner_id: string;
  sign_date: string | null;
  amount: string;
  paid: string;
  unpaid: string;
  next_id: string | null;
  next_position: number | null;
  next_due: string | null;
  next_unpaid: string | null;
}

/**
 * M1 (seed 002): effective contracts not yet fully paid, oldest signature first, scoped by the
 * contract's owner. Walks contract_receipts' partial index (live AND paid < amount) in sign-date
 * order, so a page reads its own rows only; the total is a sum over receivable_counts.
 */
export async function listUnpaidContracts(
  db: Db,
  actor: Actor,
  q: z.infer<typeof unpaidListQuery>,
): Promise<ListResult<z.infer<typeof unpaidContractSchema>>> {
  // One customer's (its 回款 tab): its contracts by the contracts' customer index, a handful of rows.
  const open = q.customerId
    ? sql`r.live AND r.paid < r.amount AND ${scopeFilter(actor, 'r')}
          AND r.contract_id IN (SELECT id FROM contracts WHERE customer_id = ${q.customerId})`
    : sql`r.live AND r.paid < r.amount AND ${scopeFilter(actor, 'r')}`;
  const { rows } = await sql<UnpaidRow>`
    SELECT c.id, c.number, c.title, c.customer_id, cu.name AS customer_name, r.owner_id, r.sign_date, r.amount,
           r.paid, (r.amount - r.paid)::numeric(14,2)::text AS unpaid, nd.id AS next_id, nd.position AS next_position,
           nd.due_date AS next_due, nd.unpaid AS next_unpaid
    FROM (
      SELECT r.* FROM contract_receipts r
       WHERE ${open}
       ORDER BY r.sign_date ASC NULLS LAST, r.contract_id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    ) r
    JOIN contracts c ON c.id = r.contract_id
    JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN LATERAL (
      SELECT i.id, i.position, i.due_date, (i.amount - i.paid)::numeric(14,2)::text AS unpaid
        FROM payment_instalments i
       WHERE i.contract_id = r.contract_id AND i.paid < i.amount
       ORDER BY i.due_date, i.position LIMIT 1
    ) nd ON true
    ORDER BY r.sign_date ASC NULLS LAST, r.contract_id`.execute(db);
  return {
    items: rows.map((r) => ({
      contractId: r.id,
      number: r.number,
      title: r.title,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      signDate: r.sign_date,
      amount: r.amount,
      paid: r.paid,
      unpaid: r.unpaid,
      nextDue:
        r.next_id && r.next_due && r.next_unpaid && r.next_position !== null
          ? { instalmentId: r.next_id, position: r.next_position, dueDate: r.next_due, unpaid: r.next_unpaid }
          : null,
    })),
    total: q.customerId
      ? (await sql<{ n: number }>`SELECT count(*)::int AS n FROM contract_receipts r WHERE ${open}`.execute(db)).rows[0].n
      : await countOf(db, actor, 'unpaid'),
    page: q.page,
    pageSize: q.pageSize,
  };
}

interface UninvoicedRow {
  id: string;
  number: string;
  title: string;
  customer_id: string;
  customer_name: string;
  owner_id: string;
  sign_date: string | null;
  amount: string;
  invoiced: string;
  remaining: string;
}

/**
 * M1 (seed 002): effective contracts not yet fully invoiced (invoiced < amount), oldest signature
 * first, scoped by the contract's owner — the unpaid list's twin on contract_receipts' other index.
 */
export async function listUninvoicedContracts(
  db: Db,
  actor: Actor,
  q: Page,
): Promise<ListResult<z.infer<typeof uninvoicedContractSchema>>> {
  const { rows } = await sql<UninvoicedRow>`
    SELECT c.id, c.number, c.title, c.customer_id, cu.name AS customer_name, r.owner_id, r.sign_date, r.amount,
           r.invoiced, (r.amount - r.invoiced)::numeric(14,2)::text AS remaining
    FROM (
      SELECT r.* FROM contract_receipts r
       WHERE r.live AND r.invoiced < r.amount AND ${scopeFilter(actor, 'r')}
       ORDER BY r.sign_date ASC NULLS LAST, r.contract_id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    ) r
    JOIN contracts c ON c.id = r.contract_id
    JOIN customers cu ON cu.id = c.customer_id
    ORDER BY r.sign_date ASC NULLS LAST, r.contract_id`.execute(db);
  return {
    items: rows.map((r) => ({
      contractId: r.id,
      number: r.number,
      title: r.title,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      signDate: r.sign_date,
      amount: r.amount,
      invoiced: r.invoiced,
      remaining: r.remaining,
    })),
    total: await countOf(db, actor, 'uninvoiced'),
    page: q.page,
    pageSize: q.pageSize,
  };
}

interface OverdueRow {
  id: string;
  position: number;
  contract_id: string;
  number: string;
  title: string;
  customer_name: string;
  owner_id: string;
  due_date: string;
  amount: string;
  unpaid: string;
  days_overdue: number;
}

/**
 * M1: instalments past due and not fully paid, as of `today` (the company's business date): one
 * due yesterday is 1 day overdue, one due today is not overdue yet. Only contracts still owed money
 * (live, paid < amount): the page walks the open instalments' due-date index, scoped through
 * contract_receipts; the total is counted apart, without the display joins.
 */
export async function listOverdueInstalments(
  db: Db,
  actor: Actor,
  q: Page,
  today: string,
): Promise<ListResult<z.infer<typeof overdueInstalmentSchema>>> {
  const open = sql`i.paid < i.amount AND i.due_date < ${today}::date AND r.live AND r.paid < r.amount AND ${scopeFilter(actor, 'r')}`;
  const { rows } = await sql<OverdueRow>`
    SELECT i.id, i.position, c.id AS contract_id, c.number, c.title, cu.name AS customer_name, c.owner_id,
           i.due_date, i.amount, (i.amount - i.paid)::numeric(14,2)::text AS unpaid,
           (${today}::date - i.due_date)::int AS days_overdue
    FROM (
      SELECT i.* FROM payment_instalments i JOIN contract_receipts r ON r.contract_id = i.contract_id
       WHERE ${open}
       ORDER BY i.due_date, i.id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    ) i
    JOIN contracts c ON c.id = i.contract_id
    JOIN customers cu ON cu.id = c.customer_id
    ORDER BY i.due_date, i.id`.execute(db);
  const counted = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM payment_instalments i JOIN contract_receipts r ON r.contract_id = i.contract_id WHERE ${open}`.execute(
    db,
  );
  return {
    items: rows.map((r) => ({
      instalmentId: r.id,
      position: r.position,
      contractId: r.contract_id,
      number: r.number,
      title: r.title,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      dueDate: r.due_date,
      amount: r.amount,
      unpaid: r.unpaid,
      daysOverdue: r.days_overdue,
    })),
    total: counted.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
