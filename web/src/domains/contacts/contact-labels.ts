import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../../shared/owner-select.js';
import { usePicklist } from '../../shared/use-picklist.js';
import type { Contact } from './api.js';

/** Column name in record_history → the form field's label key. */
const HISTORY_FIELDS: Record<string, string> = {
  customer_id: 'fields.customer',
  name: 'fields.name',
  title: 'fields.title',
  department: 'fields.department',
  role: 'fields.role',
  mobile: 'fields.mobile',
  phone: 'fields.phone',
  email: 'fields.email',
  birthday: 'fields.birthday',
  notes: 'fields.notes',
  is_primary: 'fields.isPrimary',
  owner_id: 'fields.owner',
};

/** Labels for a contact's fields and for the values in its change history. */
export function useContactLabels(contact?: Contact) {
  const { t } = useTranslation('contacts');
  const role = usePicklist('contact_role');
  const users = useUserOptions();

  const historyFieldLabel = (field: string) => (HISTORY_FIELDS[field] ? t(HISTORY_FIELDS[field]) : field);
  const historyValueLabel = (field: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    switch (field) {
      case 'role':
        return role.label(String(value));
      case 'is_primary':
        return value === true ? t('common:yes') : value === false ? t('common:no') : undefined;
      case 'owner_id':
        if (!users.data) return undefined;
        return users.data.items.find((u) => u.id === value)?.displayName ?? t('customers:detail.inactiveUser');
      case 'customer_id':
        return contact && value === contact.customerId ? contact.customerName : undefined;
      default:
        return undefined;
    }
  };
  return { role, historyFieldLabel, historyValueLabel };
}
