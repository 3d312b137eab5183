/**
 * Records that hang off another record (a customer's contacts, deals, follow-ups; later a
 * contract's payment plans). The child's domain registers the relation, as it registers its
 * timeline or search entry; the record base then applies one rule on soft delete and restore,
 * so no list, board, calendar or report has to look at the parent's `deleted_at`.
 *
 * - `cascade`: deleting the parent moves its live dependants into the recycle bin with it, in the
 *   same transaction, marked as deleted with it; restoring the parent brings exactly those back.
 * - `restrict`: deleting the parent is refused (409) while live dependants exist — for documents
 *   with legal weight (contracts, quotes) that must never vanish as a side effect.
 */
export interface DependantRelation {
  /** Entity name of the parent (EntityDef.entity), e.g. 'customer'. */
  parent: string;
  /** Entity name of the dependant, e.g. 'contact'. */
  entity: string;
  /** The dependant's column holding the parent's id. */
  column: string;
  onParentDelete: 'cascade' | 'restrict';
}

const relations: DependantRelation[] = [];

export function registerDependant(relation: DependantRelation): DependantRelation {
  const same = (r: DependantRelation) => r.parent === relation.parent && r.entity === relation.entity && r.column === relation.column;
  const at = relations.findIndex(same);
  if (at >= 0) relations[at] = relation;
  else relations.push(relation);
  return relation;
}

/** The relations whose parent is `entity`: what deleting one of its records affects. */
export const dependantsOf = (entity: string) => relations.filter((r) => r.parent === entity);

/** The relations in which `entity` is the dependant: the parents a restore must find live. */
export const parentsOf = (entity: string) => relations.filter((r) => r.entity === entity);

/** Test-only: forget a throw-away relation so later tests see the real registrations. */
export function unregisterDependant(relation: Pick<DependantRelation, 'parent' | 'entity' | 'column'>): void {
  const at = relations.findIndex((r) => r.parent === relation.parent && r.entity === relation.entity && r.column === relation.column);
  if (at >= 0) relations.splice(at, 1);
}
