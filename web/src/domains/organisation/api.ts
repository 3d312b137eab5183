import type { Department, Role } from '@contracts/organisation.js';
import { BUILT_IN_ROLES } from '@contracts/permissions.js';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';

/** The whole department tree; every signed-in user may read it. */
export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => http.get<{ items: Department[] }>('/departments'),
    staleTime: 60_000,
  });
}

/** Roles need 'roles:view'; without it the query stays idle and labels fall back to the built-in names. */
export function useRoles() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => http.get<{ items: Role[] }>('/roles'),
    enabled: can('roles', 'view'),
    staleTime: 60_000,
  });
}

/**
 * A role key shown as a name: built-in roles keep their translated names unless an admin renamed
 * them; custom roles show the name they were given.
 */
export function useRoleLabel() {
  const { t } = useTranslation('organisation');
  const { data } = useRoles();
  return (key: string) => {
    const role = data?.items.find((r) => r.key === key);
    const builtIn = BUILT_IN_ROLES.find((b) => b.key === key);
    if (builtIn && (!role || role.name === builtIn.name)) return t(`roleNames.${key}`);
    return role?.name ?? key;
  };
}

/** Role options for pickers and filters: from the API when allowed, else the built-in list. */
export function useRoleOptions() {
  const { data } = useRoles();
  const label = useRoleLabel();
  const keys = data ? data.items.map((r) => r.key) : BUILT_IN_ROLES.map((r) => r.key);
  return keys.map((key) => ({ value: key, label: label(key) }));
}

/** Puts the option whose label equals what was typed first, then those starting with it ('销售' before '销售总监'). */
export function exactMatchFirst(a: { label?: unknown }, b: { label?: unknown }, { searchValue }: { searchValue: string }) {
  const rank = (o: { label?: unknown }) => {
    const label = String(o.label ?? '');
    return label === searchValue ? 0 : label.startsWith(searchValue) ? 1 : 2;
  };
  return rank(a) - rank(b);
}
