import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  production: boolean;
  /** Requests per minute per IP across the API; login has its own tighter limit. */
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** Serve secure cookies (behind HTTPS). */
  secureCookies: boolean;
  webDir: string;
  /** Fastify trustProxy: addresses or ranges of the reverse proxies, or empty. */
  trustProxy: string | false;
  /**
   * Where unread-message digests are delivered (the organisation's SMS or messaging gateway):
   * each message is POSTed as JSON `{ mobile, text }`. Unset: digests wait in the outbox.
   */
  digestWebhookUrl: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const production = env.NODE_ENV === 'production';
  if (env.DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    throw new Error(
      'DATABASE_URL 只支持 PostgreSQL（postgres://…）；使用 SQLite 时请不要设置 DATABASE_URL，改用 DATA_DIR',
    );
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demo: argv.includes('--demo') || env.MINYI_DEMO === '1',
    production,
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200),
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 20),
    secureCookies: env.SECURE_COOKIES === '1',
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    trustProxy: env.TRUST_PROXY || false,
    digestWebhookUrl: env.DIGEST_WEBHOOK_URL || undefined,
  };
}

/** The demo keeps its own file, so a demo never occupies the production database. */
export function sqlitePathFor(config: Config): string {
  return path.join(config.dataDir, config.demo ? 'minyi-demo.sqlite' : 'minyi.sqlite');
}
