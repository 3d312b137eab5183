import type { ReportPipeline } from '@contracts/pipeline-reports.js';
import type { Db } from '../../platform/db/database.js';

/** Active pipelines and their stages, for the reports' pipeline picker and stage labels. */
export async function reportPipelines(db: Db): Promise<ReportPipeline[]> {
  const [pipelines, stages] = await Promise.all([
    db
      .selectFrom('pipelines')
      .select(['id', 'name', 'is_default'])
      .where('active', '=', true)
      .orderBy('is_default', 'desc')
      .orderBy('sort_order')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('pipeline_stages as s')
      .innerJoin('pipelines as p', 'p.id', 's.pipeline_id')
      .select(['s.id', 's.pipeline_id', 's.label_zh_cn', 's.label_zh_tw', 's.label_en', 's.kind', 's.position', 's.probability'])
      .where('p.active', '=', true)
      .where('s.active', '=', true)
      .orderBy('s.position')
      .execute(),
  ]);
  return pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    isDefault: p.is_default,
    stages: stages
      .filter((s) => s.pipeline_id === p.id)
      .map((s) => ({
        id: s.id,
        labels: { 'zh-CN': s.label_zh_cn, 'zh-TW': s.label_zh_tw, en: s.label_en },
        kind: s.kind,
        position: s.position,
        probability: Number(s.probability),
      })),
  }));
}
