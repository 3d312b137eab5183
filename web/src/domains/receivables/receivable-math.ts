import { fen, formatFen } from '@contracts/quote-money.js';

// M1 回款 figures as the forms show them while typing: every sum in fen (bigint), never in floating
// point, so what the clerk sees is what the server will decide (plan = contract amount to the fen,
// no instalment allocated beyond what is still open on it).

/** An amount as typed: fen, or null when empty or not a money value (more than two decimals, letters). */
export function fenOf(v: string | null | undefined): bigint | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  try {
    return fen(s);
  } catch {
    return null;
  }
}

export interface PlanTotals {
  sum: string;
  /** Contract amount − sum: positive when the plan still falls short, negative when it exceeds. */
  difference: string;
  balanced: boolean;
  /** A row without a valid positive amount: the plan cannot be saved as it is. */
  incomplete: boolean;
}

/** M1: the plan's instalments must add up to the contract's amount exactly. */
export function planTotals(amounts: (string | null | undefined)[], contractAmount: string): PlanTotals {
  let sum = 0n;
  let incomplete = amounts.length === 0;
  for (const a of amounts) {
    const f = fenOf(a);
    if (f === null || f <= 0n) incomplete = true;
    else sum += f;
  }
  const difference = fen(contractAmount) - sum;
  return { sum: formatFen(sum), difference: formatFen(difference), balanced: difference === 0n && !incomplete, incomplete };
}

export type InstalmentStatus = 'paid' | 'partial' | 'overdue' | 'notDue' | 'closed';

/**
 * 已回款 once confirmed money covers it; 已逾期 when its due date has passed (`today` in the company's
 * time zone) with money still open; 部分回款 when some of it is paid; 未到期 otherwise; 不再收取 what is
 * still open once the contract ended (its plan is closed).
 */
export function instalmentStatus(i: { amount: string; paid: string; dueDate: string }, today: string, closed = false): InstalmentStatus {
  const paid = fen(i.paid);
  if (paid >= fen(i.amount)) return 'paid';
  if (closed) return 'closed';
  if (i.dueDate < today) return 'overdue';
  return paid > 0n ? 'partial' : 'notDue';
}

export interface PlannedInstalment {
  id: string;
  position: number;
  dueDate: string;
  amount: string;
  /** Taken by live payments, expected or confirmed. */
  allocated: string;
}

/** What an instalment can still take: its amount less what payments already took. */
export const roomOf = (i: PlannedInstalment) => fen(i.amount) - fen(i.allocated);
export const roomText = (i: PlannedInstalment) => formatFen(roomOf(i));

/** What the contract can still take: the plan's open room, all instalments together. */
export const openOnPlan = (plan: PlannedInstalment[]) => formatFen(plan.reduce((s, i) => s + (roomOf(i) > 0n ? roomOf(i) : 0n), 0n));

/** The server's automatic allocation, previewed: oldest due first, each instalment up to its room. */
export function allocateOldestFirst(plan: PlannedInstalment[], amount: string | null | undefined): Record<string, string> {
  let left = fenOf(amount) ?? 0n;
  const out: Record<string, string> = {};
  const byDue = [...plan].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.position - b.position);
  for (const i of byDue) {
    if (left <= 0n) break;
    const room = roomOf(i);
    if (room <= 0n) continue;
    const take = room < left ? room : left;
    out[i.id] = formatFen(take);
    left -= take;
  }
  return out;
}

export interface AllocationCheck {
  allocated: string;
  /** Payment amount − allocated: what is still to be spread over the instalments. */
  remaining: string;
  /** Instalments given more than their room. */
  over: string[];
  /** Every typed amount is a valid, non-negative money value. */
  valid: boolean;
  /** Allocated exactly the payment's amount, none beyond its room. */
  ok: boolean;
}

/** A hand allocation against the payment's amount and each instalment's room, live as it is typed. */
export function checkAllocation(
  plan: PlannedInstalment[],
  amount: string | null | undefined,
  given: Record<string, string | null | undefined>,
): AllocationCheck {
  const total = fenOf(amount) ?? 0n;
  let sum = 0n;
  let valid = true;
  const over: string[] = [];
  for (const i of plan) {
    const raw = given[i.id];
    if (raw === undefined || raw === null || String(raw).trim() === '') continue;
    const f = fenOf(raw);
    if (f === null || f < 0n) {
      valid = false;
      continue;
    }
    sum += f;
    if (f > roomOf(i)) over.push(i.id);
  }
  const remaining = total - sum;
  return {
    allocated: formatFen(sum),
    remaining: formatFen(remaining),
    over,
    valid,
    ok: valid && total > 0n && remaining === 0n && over.length === 0,
  };
}

/** The hand allocation as the API takes it: only instalments given a positive amount. */
export function allocationsInput(plan: PlannedInstalment[], given: Record<string, string | null | undefined>) {
  return plan.flatMap((i) => {
    const f = fenOf(given[i.id]);
    return f !== null && f > 0n ? [{ instalmentId: i.id, amount: formatFen(f) }] : [];
  });
}

/**
 * The plan as a correction of `own` sees it: what the payment itself took is free again for it, so
 * its instalments' room and the contract's open amount include it.
 */
export function withoutOwnAllocations<T extends PlannedInstalment>(plan: T[], own: { instalmentId: string; amount: string }[]): T[] {
  const mine = new Map<string, bigint>();
  for (const a of own) mine.set(a.instalmentId, (mine.get(a.instalmentId) ?? 0n) + fen(a.amount));
  return plan.map((i) => (mine.has(i.id) ? { ...i, allocated: formatFen(fen(i.allocated) - (mine.get(i.id) ?? 0n)) } : i));
}
