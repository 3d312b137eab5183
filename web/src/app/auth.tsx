import type { Me } from '@contracts/auth.js';
import type { Action, Module } from '@contracts/permissions.js';
import { hasPermission } from '@contracts/permissions.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { setCompanyZone } from '../shared/dates.js';
import { ApiError, http, setUnauthenticatedHandler } from './api-client.js';

interface AuthState {
  me: Me | null;
  loading: boolean;
  can(module: Module, action: Action): boolean;
  refresh(): Promise<unknown>;
}

const AuthContext = createContext<AuthState>({ me: null, loading: true, can: () => false, refresh: async () => undefined });

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const meQuery = useQuery({
    queryKey: ['me'],
    queryFn: () =>
      http.get<Me>('/auth/me').catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }),
    staleTime: 60_000,
    retry: false,
  });
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      qc.setQueryData(['me'], null);
    });
  }, [qc]);
  const me = meQuery.data ?? null;
  if (me) setCompanyZone(me.timeZone);
  const value: AuthState = {
    me,
    loading: meQuery.isLoading,
    can: (module, action) => !!me && hasPermission(me.permissions, module, action),
    refresh: () => meQuery.refetch(),
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);
