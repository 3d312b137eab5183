import { type ComponentType, useState } from 'react';

/**
 * A number that grows each time `open` turns true. Used as a React key, it gives every opening of
 * a drawer or modal a fresh form holding the record as it is now, while closing still animates.
 */
export function useOpenSession(open: boolean): number {
  const [session, setSession] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setSession((s) => s + 1);
  }
  return session;
}

/**
 * Wraps a form session so that each opening of its drawer or modal starts a new one (see
 * useOpenSession): `export const CustomerFormDrawer = freshOnEachOpen(CustomerFormSession)`.
 */
export function freshOnEachOpen<P extends { open: boolean }>(Session: ComponentType<P>) {
  return function FreshOnEachOpen(props: P) {
    const session = useOpenSession(props.open);
    return <Session key={session} {...props} />;
  };
}
