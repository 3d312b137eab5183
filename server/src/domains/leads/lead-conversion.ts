import type { convertLeadBody } from '@contracts/leads.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible } from '../../platform/records/record-store.js';
import { createContact } from '../contacts/contact-service.js';
import { customerEntity } from '../customers/customer-entity.js';
import { createCustomer } from '../customers/customer-service.js';
import { findDuplicates } from '../duplicates/duplicate-check.js';
import { leadEntity } from './lead-entity.js';
import type { LeadRow } from './lead-service.js';

/**
 * C3: a qualified lead becomes a customer (new, or one that already exists) and a contact, in the
 * caller's transaction — a failure at any step leaves neither the customer nor the contact behind,
 * and the lead unconverted. Possible duplicates stop a new customer until the user confirms.
 */
export async function convertLead(trx: Db, actor: Actor, id: string, b: z.infer<typeof convertLeadBody>) {
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

  await trx
    .updateTable('leads')
    .set({
      status: 'converted',
      converted_at: sql`now()`,
      converted_customer_id: customerId,
      converted_contact_id: contactId,
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
    ],
  });
  return { leadId: id, customerId, contactId };
}
