/**
 * What other domains may use of targets: the measure registry (the attainment report registers how
 * each target type is counted), the cells a period's targets are read from, and the demo's steps.
 */
export {
  dimensionWindow,
  type MeasureWindow,
  type OwnerMonthFigure,
  registerTargetMeasure,
  type TargetMeasure,
  targetMeasure,
} from './target-measures.js';
export { type TargetFigure, targetFigures } from './target-figures.js';
export { createTarget, saveCells } from './target-service.js';
export { proposeSplit } from './target-proposal.js';
export { evenSplit } from './target-split.js';
