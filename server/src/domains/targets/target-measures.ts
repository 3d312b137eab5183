import type { TargetType } from '@contracts/targets.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';

/*
 * How each target type is measured. The figures come from the domains that own them (contracts,
 * receivables, customers, opportunities, the profit computation), which targets may not read; the
 * attainment report registers one measure per type here, so the split "by last year's share" and the
 * attainment table count the same way.
 */

/** An actual summed per owner, owner's department and month (YYYY-MM), within the caller's scope. */
export interface OwnerMonthFigure {
  ownerId: string;
  ownerDeptId: string | null;
  month: string;
  value: string;
}

export interface MeasureWindow {
  /** First day, inclusive (YYYY-MM-DD, company time zone). */
  from: string;
  /** Day after the last, exclusive. */
  toExclusive: string;
  timeZone: string;
  /** Only customers in this region (and the regions under it). */
  region?: string;
  /** Only products of this category and its sub-categories (signed amounts). */
  productCategoryId?: string;
}

/** The window's narrowing for a target's dimension. */
export const dimensionWindow = (d: { dimension: string | null; dimension_value: string | null }) =>
  d.dimension === 'region' && d.dimension_value
    ? { region: d.dimension_value }
    : d.dimension === 'product_category' && d.dimension_value
      ? { productCategoryId: d.dimension_value }
      : {};

export interface TargetMeasure {
  actuals(db: Db, actor: Actor, window: MeasureWindow): Promise<OwnerMonthFigure[]>;
  /** What is expected to come in within the window (seed 002: 预计签约), when the type has such a forecast. */
  forecast?(db: Db, actor: Actor, window: MeasureWindow): Promise<OwnerMonthFigure[]>;
}

const measures = new Map<TargetType, TargetMeasure>();

export function registerTargetMeasure(type: TargetType, measure: TargetMeasure): void {
  measures.set(type, measure);
}

export function targetMeasure(type: TargetType): TargetMeasure {
  const m = measures.get(type);
  if (!m) throw new Error(`No measure registered for target type ${type}`);
  return m;
}
