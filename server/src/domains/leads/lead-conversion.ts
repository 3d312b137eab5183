import type { convertLeadBody } from '@contracts/leads.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible } from '../../platform/records/record-store.js';
import { createContact } from '../contacts/public.js';
import { createCustomer, customerEntity } from '../customers/public.js';
import { findDuplicates } from '../duplicates/public.js';
import { createOpportunity } from '../opportunities/public.js';
import { leadEntity } from './lead-entity.js';
import type { LeadRow } from './lead-service.js';

/**
 * C3: a qualified lead becomes a customer (new, or one that already exists), a contact and, when
 * asked, a deal, in the caller's transaction — a failure at any step leaves none of them behind,
 * and the lead unconverted. Possible duplicates stop a new customer until the user confirms.
 */
export async function convertLead(trx: Db, actor: Actor, clock: Clock, id: string, b: z.infer<typeof convertLeadBody>) {
  const lead = (await findVisible(trx, actor, leadEntity, id, { forUpdate: true })) as unknown as LeadRow;
  if (lead.version !== b.version) throw new AppError('VERSION_CONFLICT');
  if (lead.status === 'converted') throw new AppError('LEAD_CONVERTED');

  let customerId: string;
  if (b.existingCustomerId) {
    await findVisible(trx, actor, customerEntity, b.existingCustomerId).catch(() => {
      throw new AppError('VALIDATION', { fields: { existingCustomerId: { key: 'reference' } } });
    });
    customerId = b.existingCustomerId;
  } else {
    const name = b.customer?.name ?? lead.company;
    const phone = b.customer?.phone ?? lead.phone ?? undefined;
    if (!b.ignoreDuplicates) {
      const matches = await findDuplicates(trx, actor, { name, phone }, ['customer']);
      if (matches.length > 0) throw new AppError('DUPLICATES_FOUND', { current: { matches } });
    }
    customerId = await createCustomer(trx, actor, {
      name,
      shortName: null,
      industry: lead.industry,
      source: lead.source,
      grade: null,
      customerType: 'development',
      region: lead.region,
      address: null,
      phone: phone ?? null,
      website: null,
      tags: [],
      isKey: false,
      followUpCycleDays: null,
      creditLimit: null,
      remarks: lead.remarks,
      ...b.customer,
      ownerId: lead.owner_id ?? actor.userId,
    });
  }

  let contactId: string | null = null;
  const contactName = b.contact?.name ?? lead.contact_name;
  if (!b.skipContact && contactName) {
    contactId = await createContact(trx, actor, {
      customerId,
      name: contactName,
      title: lead.title,
      department: null,
      role: null,
      mobile: lead.mobile,
      phone: lead.phone,
      email: lead.email,
      birthday: null,
      notes: null,
      isPrimary: true,
      ...b.contact,
    });
  }

  let opportunityId: string | null = null;
  if (b.opportunity) {
    opportunityId = await createOpportunity(
      trx,
      actor,
      clock,
      {
        customerId,
        name: b.opportunity.name ?? lead.company,
        amount: b.opportunity.amount ?? '0.00',
        currency: 'CNY',
        pipelineId: b.opportunity.pipelineId,
        stageId: b.opportunity.stageId,
        expectedCloseDate: b.opportunity.expectedCloseDate ?? null,
        source: 'lead',
        competitors: null,
        nextStep: null,
        forecastCategory: null,
        description: lead.remarks,
        contacts: contactId ? [{ contactId, role: null }] : [],
        ownerId: lead.owner_id ?? actor.userId,
      },
      { leadId: id },
    );
  }

  await trx
    .updateTable('leads')
    .set({
      status: 'converted',
      converted_at: sql`now()`,
      converted_customer_id: customerId,
      converted_contact_id: contactId,
      converted_opportunity_id: opportunityId,
      version: sql`version + 1`,
      updated_by: actor.userId,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  await writeHistory(trx, actor, {
    entity: 'lead',
    recordId: id,
    action: 'convert',
    changes: [
      { field: 'status', old: lead.status, new: 'converted' },
      { field: 'converted_customer_id', old: null, new: customerId },
      ...(contactId ? [{ field: 'converted_contact_id', old: null, new: contactId }] : []),
      ...(opportunityId ? [{ field: 'converted_opportunity_id', old: null, new: opportunityId }] : []),
    ],
  });
  return { leadId: id, customerId, contactId, opportunityId };
}
