import { z } from 'zod';
import {
  LIMITS,
  dateSchema,
  idSchema,
  listQueryBase,
  optionalText,
  recordBase,
  requiredText,
  versionField,
  withoutDefaults,
} from './common.js';

// C2: people at the customer, with their role in the deal.
const contactFields = z.object({
  customerId: idSchema,
  name: requiredText(50),
  title: optionalText(50),
  department: optionalText(50),
  role: optionalText(40),
  mobile: optionalText(30),
  phone: optionalText(40),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  birthday: dateSchema.nullish(),
  notes: optionalText(LIMITS.text),
  isPrimary: z.boolean().default(false),
});

export const createContactBody = contactFields.strict();
export const updateContactBody = withoutDefaults(contactFields)
  .omit({ customerId: true })
  .partial()
  .extend({ version: versionField })
  .strict();

export const contactSchema = recordBase.extend({
  customerId: idSchema,
  customerName: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  role: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  birthday: z.string().nullable(),
  notes: z.string().nullable(),
  isPrimary: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactListQuery = listQueryBase.extend({
  customerId: idSchema.optional(),
  role: z.string().max(40).optional(),
  ownerId: idSchema.optional(),
});
