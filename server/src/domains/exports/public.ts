// What other domains may use of exports: the registry they add their lists to, and its column pieces.
export {
  type CellFormat,
  column,
  type ExportColumn,
  type ExportDef,
  type ExportFilters,
  type Label,
  OWNER_COLUMNS,
  registerExport,
  STAMP_COLUMNS,
} from './export-registry.js';
