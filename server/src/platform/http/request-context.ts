import type { Locale } from '@contracts/common.js';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in (login, health, docs). */
    public?: boolean;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  return request.actor;
}
