export const serverBundle: string;
export function serverBundleStale(): boolean;
/** Bundles server/src into server/dist/main.mjs when stale; returns the bundle's path. */
export function ensureServerBundle(): Promise<string>;
