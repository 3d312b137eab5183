import type { Db } from '../../platform/db/database.js';

type Kind = 'open' | 'won' | 'lost';
/** key, 简体, 繁體, English, kind, default probability, allowed range, stalled after N days. */
type Stage = [
  key: string,
  zhCN: string,
  zhTW: string,
  en: string,
  kind: Kind,
  p: number,
  min: number,
  max: number,
  stalledDays: number | null,
];

interface Template {
  key: string;
  name: string;
  isDefault: boolean;
  sortOrder: number;
  stages: Stage[];
}

/**
 * The two shipped templates (O2). Seed 002: 初步接触 10 % → 需求沟通 → 意向确认 → 报价 → 成功签约 100 %.
 * Seed 003: Salesforce's nine stages, the ninth being closed won / closed lost. The probabilities
 * are defaults the admin edits; the ranges are what a rep may set on his own opportunity.
 */
const PIPELINE_TEMPLATES: Template[] = [
  {
    key: 'standard',
    name: '标准销售流程',
    isDefault: true,
    sortOrder: 10,
    stages: [
      ['initial', '初步接触', '初步接觸', 'Initial contact', 'open', 10, 0, 20, 30],
      ['needs', '需求沟通', '需求溝通', 'Needs discussion', 'open', 30, 20, 40, 30],
      ['intent', '意向确认', '意向確認', 'Intent confirmed', 'open', 50, 40, 60, 21],
      ['quote', '报价', '報價', 'Quotation', 'open', 70, 60, 90, 14],
      ['won', '成功签约', '成功簽約', 'Closed won', 'won', 100, 100, 100, null],
      ['lost', '输单', '輸單', 'Closed lost', 'lost', 0, 0, 0, null],
    ],
  },
  {
    key: 'nine_stage',
    name: '九阶段销售周期',
    isDefault: false,
    sortOrder: 20,
    stages: [
      ['prospecting', '勘探', '勘探', 'Prospecting', 'open', 10, 0, 15, 30],
      ['qualification', '条件验证', '條件驗證', 'Qualification', 'open', 20, 10, 25, 30],
      ['needs_analysis', '需求分析', '需求分析', 'Needs analysis', 'open', 25, 20, 35, 30],
      ['value_proposition', '价值主张', '價值主張', 'Value proposition', 'open', 30, 25, 45, 21],
      ['decision_makers', '辨认决策者', '辨認決策者', 'Identify decision makers', 'open', 40, 30, 55, 21],
      ['perception', '认知分析', '認知分析', 'Perception analysis', 'open', 50, 40, 65, 21],
      ['proposal', '提案/报价', '提案/報價', 'Proposal / price quote', 'open', 65, 50, 80, 14],
      ['negotiation', '谈判/检视', '談判/檢視', 'Negotiation / review', 'open', 80, 70, 95, 14],
      ['closed_won', '成交', '成交', 'Closed won', 'won', 100, 100, 100, null],
      ['closed_lost', '失败', '失敗', 'Closed lost', 'lost', 0, 0, 0, null],
    ],
  },
];

/**
 * Creates a shipped template the first time only (by its key): once there, it is the admin's to
 * rename, re-weight or switch off, and a restart never puts back what he changed.
 */
export async function ensureDefaultPipelines(db: Db): Promise<void> {
  const existing = new Set((await db.selectFrom('pipelines').select('key').where('key', 'is not', null).execute()).map((r) => r.key));
  const anyDefault = await db.selectFrom('pipelines').select('id').where('is_default', '=', true).executeTakeFirst();
  for (const t of PIPELINE_TEMPLATES) {
    if (existing.has(t.key)) continue;
    await db.transaction().execute(async (trx) => {
      const p = await trx
        .insertInto('pipelines')
        .values({ key: t.key, name: t.name, is_default: t.isDefault && !anyDefault, sort_order: t.sortOrder })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!p) return;
      await trx
        .insertInto('pipeline_stages')
        .values(
          t.stages.map(([key, zhCN, zhTW, en, kind, probability, min, max, stalled], i) => ({
            pipeline_id: p.id,
            key,
            label_zh_cn: zhCN,
            label_zh_tw: zhTW,
            label_en: en,
            kind,
            position: i + 1,
            probability,
            min_probability: min,
            max_probability: max,
            stalled_after_days: stalled,
          })),
        )
        .execute();
    });
  }
}
