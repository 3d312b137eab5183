/** What other web domains may use of the organisation: departments (picker, path), role labels, password rules. */
export { useDepartments, useRoleLabel } from './api.js';
export { DepartmentSelect } from './department-select.js';
export { departmentPath } from './department-tree.js';
export { usePasswordRules } from './password-input.js';
