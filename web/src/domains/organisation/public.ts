/** What other web domains may use of the organisation: departments (picker, path), role labels and options, password rules. */
export { useDepartments, useRoleLabel, useRoleOptions } from './api.js';
export { DepartmentSelect } from './department-select.js';
export { departmentPath } from './department-tree.js';
export { usePasswordRules } from './password-input.js';
export { TeamFilterCols } from './team-filter-cols.js';
