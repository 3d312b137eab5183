import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { useProductCategories } from './api.js';

/** Column name in record_history → the form field's label key. */
const HISTORY_FIELDS: Record<string, string> = {
  code: 'fields.code',
  name: 'fields.name',
  specification: 'fields.specification',
  unit: 'fields.unit',
  kind: 'fields.kind',
  category_id: 'fields.category',
  list_price: 'fields.listPrice',
  cost_price: 'fields.costPrice',
  tax_rate: 'fields.taxRate',
  active: 'fields.active',
  description: 'fields.description',
  components: 'fields.components',
  owner_id: 'fields.createdBy',
};

/** Labels for a product's fields and for the values in its change history. */
export function useProductLabels() {
  const { t } = useTranslation('products');
  const categories = useProductCategories();

  const categoryName = (id: string | null | undefined) => (id ? categories.data?.items.find((c) => c.id === id)?.name : undefined);
  const historyFieldLabel = (field: string) => (HISTORY_FIELDS[field] ? t(HISTORY_FIELDS[field]) : field);
  const historyValueLabel = (field: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    switch (field) {
      case 'list_price':
      case 'cost_price':
        return formatMoney(String(value));
      case 'tax_rate':
        return `${value}%`;
      case 'active':
        return t(value ? 'status.active' : 'status.inactive');
      case 'kind':
        return t(`kind.${String(value)}`);
      case 'category_id':
        return categoryName(String(value));
      default:
        return undefined;
    }
  };
  return { categoryName, historyFieldLabel, historyValueLabel };
}
