import { useState } from 'react';
import { useAuth } from '../../app/auth.js';

/** Each signed-in user keeps their own choice per list, even on a shared computer. */
export const columnPrefsKey = (userId: string | undefined, listKey: string) => `crm.columns.${userId ?? 'anonymous'}.${listKey}`;

/** The stored column keys that this list still has; undefined when nothing (usable) is stored. */
export function readColumnPrefs(storage: Pick<Storage, 'getItem'>, storageKey: string, known: string[]): string[] | undefined {
  try {
    const raw = storage.getItem(storageKey);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string' && known.includes(k)) : undefined;
  } catch {
    return undefined;
  }
}

/** Which optional columns a list shows, remembered in localStorage per user and list. */
export function useColumnPrefs(listKey: string, known: string[], defaults: string[]) {
  const { me } = useAuth();
  const storageKey = columnPrefsKey(me?.id, listKey);
  const stored = () => readColumnPrefs(localStorage, storageKey, known);
  const [state, setState] = useState(() => ({ storageKey, visible: stored() ?? defaults }));
  // Another user signed in without a reload: show their choice, not the last one's.
  if (state.storageKey !== storageKey) setState({ storageKey, visible: stored() ?? defaults });

  const write = (visible: string[] | undefined) => {
    setState({ storageKey, visible: visible ?? defaults });
    try {
      if (visible) localStorage.setItem(storageKey, JSON.stringify(visible));
      else localStorage.removeItem(storageKey);
    } catch {
      // Private mode or a full quota: the choice then lasts for this visit only.
    }
  };
  return { visible: state.visible, setVisible: (keys: string[]) => write(keys), reset: () => write(undefined) };
}
