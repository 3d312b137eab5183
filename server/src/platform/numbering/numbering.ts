import type { Locale } from '@contracts/common.js';
import type { NumberReset } from '@contracts/numbering.js';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { businessDate } from '../dates.js';
import './numbering-tables.js';

/** A kind of document that gets a number: its key, its name and the pattern it starts with. */
export interface NumberSeriesDefinition {
  key: string;
  labels: Record<Locale, string>;
  pattern: string;
  reset: NumberReset;
}

const registry = new Map<string, NumberSeriesDefinition>();

/** A document type calls this once, at import time (quotes: BJ-20261205-001, contracts: HT-2026-12-0001). */
export function registerNumberSeries(series: NumberSeriesDefinition): NumberSeriesDefinition {
  registry.set(series.key, series);
  return series;
}

export const registeredNumberSeries = (): NumberSeriesDefinition[] => [...registry.values()];

/** The period a counter counts in: '' when it never resets, else the day, month or year (company time zone). */
export function counterPeriod(reset: NumberReset, date: string): string {
  const compact = date.replaceAll('-', '');
  if (reset === 'daily') return compact;
  if (reset === 'monthly') return compact.slice(0, 6);
  if (reset === 'yearly') return compact.slice(0, 4);
  return '';
}

/** Prints a pattern for a business date and counter value: {YYYY} {YY} {MM} {DD} {SEQ:n}. */
export function formatNumber(pattern: string, date: string, seq: number | bigint): string {
  const [y, m, d] = date.split('-');
  return pattern.replace(/\{(YYYY|YY|MM|DD|SEQ:([1-9]))\}/g, (_, token: string, width?: string) => {
    if (token === 'YYYY') return y;
    if (token === 'YY') return y.slice(2);
    if (token === 'MM') return m;
    if (token === 'DD') return d;
    return String(seq).padStart(Number(width), '0');
  });
}

/** The pattern in force: the admin's, else the registered default. */
export async function seriesSettings(db: Db, key: string): Promise<{ pattern: string; reset: NumberReset }> {
  const def = registry.get(key);
  if (!def) throw new Error(`No number series '${key}' is registered`);
  const row = await db.selectFrom('number_series').select(['pattern', 'reset']).where('key', '=', key).executeTakeFirst();
  return row ?? { pattern: def.pattern, reset: def.reset };
}

/**
 * Takes the next number of a series. Call it inside the transaction that creates the document: the
 * counter row stays locked until that commits, so concurrent creators get consecutive numbers, and a
 * creation that fails gives its number back — no duplicates and no gaps.
 */
export async function nextNumber(trx: Db, key: string, now: Date, timeZone: string): Promise<string> {
  const { pattern, reset } = await seriesSettings(trx, key);
  const date = businessDate(now, timeZone);
  const period = counterPeriod(reset, date);
  const { rows } = await sql<{ last_value: string }>`
    INSERT INTO number_counters (key, period, last_value) VALUES (${key}, ${period}, 1)
    ON CONFLICT (key, period) DO UPDATE SET last_value = number_counters.last_value + 1
    RETURNING last_value::text`.execute(trx);
  return formatNumber(pattern, date, BigInt(rows[0].last_value));
}

/** What the next number would be, without taking it (the settings page shows it). */
export async function previewNumber(db: Db, key: string, now: Date, timeZone: string): Promise<string> {
  const { pattern, reset } = await seriesSettings(db, key);
  const date = businessDate(now, timeZone);
  const row = await db
    .selectFrom('number_counters')
    .select('last_value')
    .where('key', '=', key)
    .where('period', '=', counterPeriod(reset, date))
    .executeTakeFirst();
  return formatNumber(pattern, date, BigInt(row?.last_value ?? 0) + 1n);
}
