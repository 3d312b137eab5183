import { idParams, listResponse, okResponse } from '@contracts/common.js';
import {
  assignLeadBody,
  assignmentRuleSchema,
  convertLeadBody,
  convertLeadResponse,
  createAssignmentRuleBody,
  createLeadBody,
  leadListQuery,
  leadSchema,
  updateAssignmentRuleBody,
  updateLeadBody,
} from '@contracts/leads.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCan, isAdmin } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { convertLead } from './lead-conversion.js';
import { assignLead, createLead, deleteLead, getLead, leadsToApi, listLeads, updateLead } from './lead-service.js';
import { assertSeesPool } from '../../platform/access/pool-visibility.js';
import { claimLead, poolRules, poolRulesSchema, releaseLead, savePoolRules } from './pool.js';
import './lead-export.js';
import './lead-import.js';
import './lead-search.js';

const tags = ['leads'];

type RuleRow = {
  id: string;
  name: string;
  position: number;
  active: boolean;
  match_regions: string[];
  match_industries: string[];
  match_sources: string[];
  strategy: 'user' | 'round_robin';
  user_ids: string[];
  version: number;
};
const ruleToApi = (r: RuleRow) => ({
  id: r.id,
  name: r.name,
  position: r.position,
  active: r.active,
  matchRegions: r.match_regions,
  matchIndustries: r.match_industries,
  matchSources: r.match_sources,
  strategy: r.strategy,
  userIds: r.user_ids,
  version: r.version,
});

export const leadsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;
  const tz = ctx.config.CRM_TIME_ZONE;

  app.get('/leads', { schema: { tags, querystring: leadListQuery, response: { 200: listResponse(leadSchema) } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'leads', 'view');
    return listLeads(db, actor, request.query);
  });

  app.get('/leads/:id', { schema: { tags, params: idParams, response: { 200: leadSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'leads', 'view');
    return getLead(db, actor, request.params.id);
  });

  app.post('/leads', { schema: { tags, body: createLeadBody, response: { 201: leadSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'leads', 'create');
    const id = await db.transaction().execute((trx) => createLead(trx, actor, request.body));
    const row = await db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return reply.status(201).send((await leadsToApi(db, [row]))[0]);
  });

  app.patch('/leads/:id', { schema: { tags, params: idParams, body: updateLeadBody, response: { 200: leadSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'leads', 'edit');
    return db.transaction().execute((trx) => updateLead(trx, actor, request.params.id, request.body));
  });

  app.delete('/leads/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'leads', 'delete');
    await db.transaction().execute((trx) => deleteLead(trx, actor, request.params.id));
    return { ok: true as const };
  });

  app.post(
    '/leads/:id/assign',
    { schema: { tags, params: idParams, body: assignLeadBody, response: { 200: okResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'leads', 'edit');
      await db
        .transaction()
        .execute((trx) => assignLead(trx, actor, clock.now(), request.params.id, request.body.ownerId, request.body.version));
      return { ok: true as const };
    },
  );

  app.post('/leads/:id/release', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'leads', 'edit');
    await db.transaction().execute((trx) => releaseLead(trx, actor, clock.now(), request.params.id));
    return { ok: true as const };
  });

  app.post(
    '/leads/:id/convert',
    { schema: { tags, params: idParams, body: convertLeadBody, response: { 200: convertLeadResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'leads', 'edit');
      assertCan(actor, 'customers', 'create');
      return db.transaction().execute((trx) => convertLead(trx, actor, clock, request.params.id, request.body));
    },
  );

  // The public pool (公海).
  app.get(
    '/pool/leads',
    { schema: { tags: ['pool'], querystring: leadListQuery, response: { 200: listResponse(leadSchema) } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'leads', 'view');
      await assertSeesPool(db, actor, (await poolRules(db)).departmentIds);
      return listLeads(db, actor, request.query, { pool: true });
    },
  );

  app.post('/pool/leads/:id/claim', { schema: { tags: ['pool'], params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'leads', 'edit');
    await db.transaction().execute((trx) => claimLead(trx, actor, clock, tz, request.params.id));
    return { ok: true as const };
  });

  app.get('/pool/rules', { schema: { tags: ['pool'], response: { 200: poolRulesSchema } } }, async (request) => {
    actorOf(request);
    return poolRules(db);
  });

  app.put(
    '/pool/rules',
    { schema: { tags: ['pool'], body: poolRulesSchema.strict(), response: { 200: poolRulesSchema } } },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
      await savePoolRules(db, request.body);
      return request.body;
    },
  );

  // Assignment rules (admin).
  app.get(
    '/lead-assignment-rules',
    { schema: { tags, response: { 200: z.object({ items: z.array(assignmentRuleSchema) }) } } },
    async (request) => {
      assertCan(actorOf(request), 'leads', 'view');
      const rows = await db.selectFrom('lead_assignment_rules').selectAll().orderBy('position').orderBy('created_at').execute();
      return { items: rows.map(ruleToApi) };
    },
  );

  const assertUsers = async (ids: string[] | undefined) => {
    if (!ids) return;
    const found = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
    if (found.length !== new Set(ids).size) throw new AppError('VALIDATION', { fields: { userIds: { key: 'reference' } } });
  };

  app.post(
    '/lead-assignment-rules',
    { schema: { tags, body: createAssignmentRuleBody, response: { 201: assignmentRuleSchema } } },
    async (request, reply) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
      const b = request.body;
      await assertUsers(b.userIds);
      const row = await db
        .insertInto('lead_assignment_rules')
        .values({
          name: b.name,
          position: b.position,
          active: b.active ?? true,
          match_regions: b.matchRegions ?? [],
          match_industries: b.matchIndustries ?? [],
          match_sources: b.matchSources ?? [],
          strategy: b.strategy,
          user_ids: b.userIds,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return reply.status(201).send(ruleToApi(row));
    },
  );

  app.patch(
    '/lead-assignment-rules/:id',
    { schema: { tags, params: idParams, body: updateAssignmentRuleBody, response: { 200: assignmentRuleSchema } } },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
      const { version, ...b } = request.body;
      await assertUsers(b.userIds);
      const current = await db.selectFrom('lead_assignment_rules').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== version) throw new AppError('VERSION_CONFLICT', { current: ruleToApi(current) });
      const set = Object.fromEntries(
        Object.entries({
          name: b.name,
          position: b.position,
          active: b.active,
          match_regions: b.matchRegions,
          match_industries: b.matchIndustries,
          match_sources: b.matchSources,
          strategy: b.strategy,
          user_ids: b.userIds,
          ...(b.userIds ? { rr_next: 0 } : {}),
        }).filter(([, v]) => v !== undefined),
      );
      const row = await db
        .updateTable('lead_assignment_rules')
        .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return ruleToApi(row);
    },
  );

  app.delete('/lead-assignment-rules/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN');
    const res = await db.deleteFrom('lead_assignment_rules').where('id', '=', request.params.id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
    return { ok: true as const };
  });
};
