// What other domains may use of imports: the registry they add their mapping to, and the pieces
// their field lists and duplicate checks are built from.
export { companyNameKeys, flagProblem, personDuplicates } from './import-duplicates.js';
export { importField, OWNER_FIELD } from './import-fields.js';
export {
  type BatchContext,
  type Candidate,
  type FieldKind,
  type ImportDef,
  type ImportField,
  type InsertedRow,
  type Label,
  registerImport,
} from './import-registry.js';
