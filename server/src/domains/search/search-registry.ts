import type { SearchHit } from '@contracts/notes.js';
import type { Module } from '@contracts/permissions.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';

/**
 * C11 global search: each domain that can be searched registers a provider; the search box and
 * this registry never change when a domain is added (opportunities, contracts …).
 */
export interface SearchProvider {
  type: string;
  /** The caller needs this module's 'view' permission to see the group. */
  module: Module;
  /** Up to `limit` hits for q (2+ characters), newest first, within the actor's scope. */
  search(db: Db, actor: Actor, q: string, limit: number): Promise<SearchHit[]>;
}

const providers: SearchProvider[] = [];

export function registerSearchProvider(p: SearchProvider): void {
  providers.push(p);
}

export const searchProviders = () => [...providers];
