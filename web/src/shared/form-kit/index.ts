// The form-drawer kit: a create / edit form keeps its fields and its body mapping and composes these.
export { ContactSelect } from './contact-select.js';
export { CustomerSelect } from './customer-select.js';
export { DateField, DateTimeField } from './date-fields.js';
export { FormDrawer, FormFooter, FormModal } from './form-shell.js';
export { MoneyInput } from './money-input.js';
export { OwnerField } from './owner-field.js';
export { PicklistSelect } from './picklist-select.js';
export { freshOnEachOpen, useOpenSession } from './use-open-session.js';
export { type DiscardTexts, type RecordForm, useRecordForm } from './use-record-form.js';
