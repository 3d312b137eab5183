import { z } from 'zod';

// Every environment variable the server reads is declared here, once; a bad value stops start-up.
const boolFlag = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /**
   * The embedded database's buffer pool. PGlite clears it at every start (0.3–0.5 s for 128 MB);
   * the file system cache still holds the data, so a small company loses nothing at 32 MB. Raise it
   * for hundreds of thousands of rows, or move to PostgreSQL.
   */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/)
    .default('32MB'),
  CRM_ADMIN_PASSWORD: z.string().min(8).optional(),
  CRM_DEMO: boolFlag.default(true),
  CRM_TIME_ZONE: z.string().default('Asia/Shanghai'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(100_000).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(10_000).default(72),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(10_000).default(30),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(10_000).default(15),
  COOKIE_SECURE: boolFlag.default(false),
  /**
   * HTTPS straight from Node: a PEM certificate (with its chain) and its private key. Without them the
   * server speaks HTTP, for a reverse proxy that terminates TLS in front of it (README: nginx example).
   */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /** Requests one API token may make per minute, counted in the database so every server shares the budget. */
  API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Behind a load balancer, take the client address from X-Forwarded-For; off otherwise, so it cannot be forged. */
  TRUST_PROXY: boolFlag.default(false),
  WEB_DIST: z.string().default('./web/dist'),
  /**
   * Where uploaded files' bytes go (platform/files). `local` writes under FILES_DIR; several servers
   * behind a load balancer need that directory shared, or `database`, which keeps the bytes in
   * PostgreSQL chunks. An S3-compatible store would be one more FileStore and one more value here.
   */
  FILE_STORE: z.enum(['local', 'database']).default('local'),
  /** Defaults to `${DATA_DIR}/files` (see fileStorageDir). */
  FILES_DIR: z.string().min(1).optional(),
  /** Largest upload for a file purpose that sets no limit of its own (imports allow 100 MB). */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 * 1024 ** 3)
    .default(20 * 1024 * 1024),
  /**
   * Outgoing mail (platform/mail), e.g. smtp://user:pass@mail.example.com:587 or smtps://…:465.
   * Without it mails wait in mail_outbox and go out once it is set.
   */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('销售CRM <crm@localhost>'),
  /** Where users reach the web app, e.g. https://crm.example.com: mails link back to records with it. */
  PUBLIC_URL: z.string().url().optional(),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success && !parsed.data.TLS_CERT_FILE !== !parsed.data.TLS_KEY_FILE) {
    throw new Error('Invalid configuration:\n  TLS_CERT_FILE and TLS_KEY_FILE go together: set both for HTTPS, or neither');
  }
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({ LOG_LEVEL: 'silent', CRM_DEMO: '0' }), ...overrides };
}
