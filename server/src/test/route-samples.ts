import type { RouteOptions } from 'fastify';
import { z } from 'zod';

/**
 * A request that passes a route's own validation, built from its Zod schemas, so the security
 * route matrix reaches the handler (where permissions and scope are checked) on every route,
 * including routes added after this file was written. Ids in params and bodies take `id`.
 */
type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

// Values that satisfy the patterns the contracts use (money, quantities, dates, months, codes, colours).
const PATTERN_CANDIDATES = ['1.00', '1', '123456', '2026-01-15', '2026-01', '2026', 'a1', 'x', 'A', '10:00', '#1677ff', 'abc_1'];

function sampleString(s: JsonSchema, id: string): string {
  switch (s.format) {
    case 'uuid':
      return id;
    case 'email':
      return 'a@example.com';
    case 'date':
      return '2026-01-15';
    case 'date-time':
      return '2026-01-15T02:00:00.000Z';
    case 'uri':
    case 'url':
      return 'https://example.com';
  }
  // Several .regex() checks on one string arrive as allOf: [{ pattern }, …].
  const patterns = [s.pattern, ...(s.allOf ?? []).map((p) => p.pattern)].filter((p): p is string => !!p).map((p) => new RegExp(p));
  const fits = (v: string) =>
    v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY) && patterns.every((p) => p.test(v));
  const found = PATTERN_CANDIDATES.find(fits);
  if (found) return found;
  // Letters and digits, as a password policy asks.
  return `Aa1${'x'.repeat(Math.max(0, (s.minLength ?? 1) - 3))}`.slice(0, s.maxLength ?? 1000);
}

type Mode = { all: boolean; fillArrays: boolean };

function sample(s: JsonSchema, id: string, all: Mode): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return sample(union.find((u) => u.type !== 'null') ?? union[0], id, all);
  if (s.allOf?.length && s.type !== 'string') return Object.assign({}, ...s.allOf.map((p) => sample(p, id, all)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (all.all || s.required?.includes(key)) out[key] = sample(prop, id, all);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(all.fillArrays ? 1 : 0, s.minItems ?? 0) }, () => sample(s.items ?? {}, id, all));
    case 'string':
      return sampleString(s, id);
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(min, 1), s.maximum ?? Number.POSITIVE_INFINITY);
    }
    case 'boolean':
      return false;
    default:
      return s.default ?? 'x';
  }
}

/** A value the schema accepts: its required parts first, everything filled in if that is refused; undefined if neither passes. */
export function sampleFor(schema: unknown, id: string): unknown {
  if (!(schema instanceof z.ZodType)) return undefined;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const modes: Mode[] = [
    { all: false, fillArrays: false },
    { all: true, fillArrays: false },
    { all: true, fillArrays: true },
  ];
  for (const all of modes) {
    const candidate = sample(json, id, all);
    if (schema.safeParse(candidate).success) return candidate;
  }
  return undefined;
}

export interface SampleRequest {
  /** The URL with every path parameter filled in (query string included). */
  url: string;
  body: unknown;
  /** Which parts the sampler could not satisfy (the request is then refused with 400 before the handler). */
  unsatisfied: string[];
}

/** Fills a route's path parameters (`:id` and friends from `params`, or from its params schema) and builds a query and body it accepts. */
export function sampleRequest(route: RouteOptions, url: string, id: string, override?: { body?: unknown }): SampleRequest {
  const schema = (route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown };
  const unsatisfied: string[] = [];
  const sampledParams = (schema.params ? sampleFor(schema.params, id) : {}) as Record<string, unknown> | undefined;
  if (schema.params && !sampledParams) unsatisfied.push('params');
  let path = url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(sampledParams?.[name] ?? id)));
  if (schema.querystring) {
    const q = sampleFor(schema.querystring, id) as Record<string, unknown> | undefined;
    if (!q) unsatisfied.push('querystring');
    const search = new URLSearchParams(Object.entries(q ?? {}).map(([k, v]) => [k, String(v)])).toString();
    if (search) path += `?${search}`;
  }
  let body: unknown;
  if (override?.body !== undefined) body = override.body;
  else if (schema.body) {
    body = sampleFor(schema.body, id);
    if (body === undefined) unsatisfied.push('body');
  }
  return { url: path, body, unsatisfied };
}
