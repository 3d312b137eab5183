import { CUSTOMER_TYPES } from '@contracts/customers.js';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { useUserOptions } from '../../shared/owner-select.js';
import { usePicklist } from '../../shared/use-picklist.js';

/** Column name in record_history → the form field's label key. */
const HISTORY_FIELDS: Record<string, string> = {
  name: 'fields.name',
  short_name: 'fields.shortName',
  industry: 'fields.industry',
  source: 'fields.source',
  grade: 'fields.grade',
  customer_type: 'fields.customerType',
  region: 'fields.region',
  address: 'fields.address',
  phone: 'fields.phone',
  website: 'fields.website',
  tags: 'fields.tags',
  is_key: 'fields.isKey',
  follow_up_cycle_days: 'fields.followUpCycleDays',
  credit_limit: 'fields.creditLimit',
  remarks: 'fields.remarks',
  owner_id: 'fields.owner',
  owner_dept_id: 'fields.ownerDept',
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Picklist, type and owner labels of customer fields, for tables, the detail page and its history. */
export function useCustomerLabels() {
  const { t } = useTranslation('customers');
  const industry = usePicklist('industry');
  const source = usePicklist('customer_source');
  const grade = usePicklist('customer_grade');
  const tag = usePicklist('customer_tag');
  const users = useUserOptions();

  const typeLabel = (type: string | null | undefined) =>
    type && (CUSTOMER_TYPES as readonly string[]).includes(type) ? t(`types.${type}`) : (type ?? '—');
  // Tags are free text; a tag that matches a customer_tag code shows its translated label.
  const tagLabel = (value: string) => tag.label(value);
  // Options list active users only; someone missing from a loaded list has been deactivated.
  const userName = (id: string | null | undefined) => {
    if (!id || !users.data) return undefined;
    return users.data.items.find((u) => u.id === id)?.displayName ?? t('detail.inactiveUser');
  };

  const historyFieldLabel = (field: string) => (HISTORY_FIELDS[field] ? t(HISTORY_FIELDS[field]) : field);
  const historyValueLabel = (field: string, value: unknown): string | undefined => {
    if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) return undefined;
    switch (field) {
      case 'industry':
        return industry.label(String(value));
      case 'source':
        return source.label(String(value));
      case 'grade':
        return grade.label(String(value));
      case 'customer_type':
        return typeLabel(String(value));
      case 'tags':
        return Array.isArray(value) ? value.map((v) => tagLabel(String(v))).join('、') : undefined;
      case 'is_key':
        return value === true ? t('common:yes') : value === false ? t('common:no') : undefined;
      case 'follow_up_cycle_days':
        return t('detail.days', { count: Number(value) });
      case 'credit_limit':
        return formatMoney(String(value));
      case 'owner_id':
        return userName(String(value));
      default:
        return undefined;
    }
  };

  return { industry, source, grade, tag, typeLabel, tagLabel, userName, historyFieldLabel, historyValueLabel };
}
