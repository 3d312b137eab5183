import type { Locale } from '@contracts/common.js';
import { contactListQuery } from '@contracts/contacts.js';
import { customerListQuery } from '@contracts/customers.js';
import { leadListQuery } from '@contracts/leads.js';
import { opportunityListQuery } from '@contracts/opportunities.js';
import type { Module } from '@contracts/permissions.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { Db } from '../../platform/db/database.js';
import { actorOf } from '../../platform/http/request-context.js';
import { writeHistory } from '../../platform/records/history.js';
import { listContacts } from '../contacts/contact-service.js';
import { listCustomers } from '../customers/customer-service.js';
import { listLeads } from '../leads/lead-service.js';
import { listOpportunities } from '../opportunities/opportunity-service.js';
import { EXPORT_COLUMNS } from './export-columns.js';
import { csvStream, xlsxStream } from './export-writer.js';

/** An export is a report for a person, not a backup: beyond this, narrow the filters. */
export const MAX_EXPORT_ROWS = 50_000;
const PAGE = 200;

const format = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
const FILE_NAME: Record<string, Record<Locale, string>> = {
  customers: { 'zh-CN': '客户', 'zh-TW': '客戶', en: 'customers' },
  contacts: { 'zh-CN': '联系人', 'zh-TW': '聯絡人', en: 'contacts' },
  leads: { 'zh-CN': '线索', 'zh-TW': '線索', en: 'leads' },
  opportunities: { 'zh-CN': '商机', 'zh-TW': '商機', en: 'opportunities' },
};
const CODES: Record<string, Record<Locale, Record<string, string>>> = {
  customerType: {
    'zh-CN': { development: '开发客户', retention: '维护客户', project: '项目客户' },
    'zh-TW': { development: '開發客戶', retention: '維護客戶', project: '專案客戶' },
    en: { development: 'Development', retention: 'Retention', project: 'Project' },
  },
  status: {
    'zh-CN': { new: '新线索', contacted: '已联系', qualified: '有效', disqualified: '无效', converted: '已转化' },
    'zh-TW': { new: '新線索', contacted: '已聯繫', qualified: '有效', disqualified: '無效', converted: '已轉換' },
    en: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', disqualified: 'Disqualified', converted: 'Converted' },
  },
  forecastCategory: {
    'zh-CN': { commit: '确定能签', best_case: '争取能签', pipeline: '跟进中', omitted: '不计入' },
    'zh-TW': { commit: '確定能簽', best_case: '爭取能簽', pipeline: '跟進中', omitted: '不計入' },
    en: { commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline', omitted: 'Omitted' },
  },
};
const YES_NO: Record<Locale, [string, string]> = { 'zh-CN': ['是', '否'], 'zh-TW': ['是', '否'], en: ['Yes', 'No'] };

type Lister = (db: Db, actor: Actor, q: Record<string, unknown>) => Promise<{ items: Record<string, unknown>[]; total: number }>;

/** C9/C10 exports: the list view as the caller sees it (same filters, same scope), as CSV or XLSX. */
export const exportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;
  const timeZone = ctx.config.CRM_TIME_ZONE;

  const route = (entity: keyof typeof EXPORT_COLUMNS, module: Module, query: z.ZodObject, list: Lister) => {
    app.get(`/exports/${entity}`, { schema: { tags: ['exports'], querystring: query.extend(format.shape) } }, async (request, reply) => {
      const actor = actorOf(request);
      assertCan(actor, module, 'export');
      const {
        format: kind,
        page: _page,
        pageSize: _size,
        ...filters
      } = request.query as Record<string, unknown> & { format: 'csv' | 'xlsx' };
      const locale = request.locale;
      const labels = await picklistLabels(db, locale);
      const time = new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      const columns = EXPORT_COLUMNS[entity];
      const cell = (c: (typeof columns)[number], item: Record<string, unknown>): string => {
        const v = c.value(item, locale);
        if (v === null || v === undefined) return '';
        if (typeof v === 'boolean') return YES_NO[locale][v ? 0 : 1];
        if (c.picklist) return labels.get(`${c.picklist}:${v}`) ?? String(v);
        if (c.codes) return CODES[c.codes][locale][String(v)] ?? String(v);
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return time.format(new Date(v));
        return String(v);
      };
      let rows = 0;
      async function* pages() {
        for (let page = 1; rows < MAX_EXPORT_ROWS; page++) {
          const res = await list(db, actor, { ...filters, page, pageSize: PAGE });
          for (const item of res.items) {
            if (rows >= MAX_EXPORT_ROWS) return;
            rows++;
            yield columns.map((c) => cell(c, item));
          }
          if (res.items.length < PAGE) return;
        }
      }
      const header = columns.map((c) => c.header[locale]);
      const name = `${FILE_NAME[entity][locale]}-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.${kind}`;
      const body =
        kind === 'csv' ? csvStream(header, pages()) : xlsxStream(FILE_NAME[entity][locale], header, pages(), (e) => request.log.error(e));
      // Who exported what, with which filters and how many rows: once the file is complete.
      body.on('end', () => {
        void writeHistory(db, actor, {
          entity: 'user',
          recordId: actor.userId,
          action: 'export',
          changes: [{ field: entity, old: null, new: { format: kind, filters, rows } }],
        }).catch((e) => request.log.error(e));
      });
      return reply
        .header(
          'content-type',
          kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${entity}.${kind}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    });
  };

  route('customers', 'customers', customerListQuery, listCustomers as unknown as Lister);
  route(
    'opportunities',
    'opportunities',
    opportunityListQuery,
    (d, a, q) => listOpportunities(d, a, ctx.clock, q as never) as unknown as ReturnType<Lister>,
  );
  route('contacts', 'contacts', contactListQuery, listContacts as unknown as Lister);
  route('leads', 'leads', leadListQuery.extend({ pool: z.enum(['true', 'false']).optional() }), (d, a, q) => {
    const { pool, ...rest } = q;
    return listLeads(d, a, rest as never, { pool: pool === 'true' }) as unknown as ReturnType<Lister>;
  });
};

async function picklistLabels(db: Db, locale: Locale): Promise<Map<string, string>> {
  const column = locale === 'en' ? 'label_en' : locale === 'zh-TW' ? 'label_zh_tw' : 'label_zh_cn';
  const rows = await db.selectFrom('picklist_values').select(['list', 'code', column]).execute();
  return new Map(rows.map((r) => [`${r.list}:${r.code}`, String((r as Record<string, unknown>)[column])]));
}
