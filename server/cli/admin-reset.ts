import { loadConfig, sqlitePathFor } from '../config.ts';
import { createContext } from '../context.ts';
import { openDb } from '../db/database.ts';
import { findUserByLogin } from '../modules/users/users.repository.ts';
import { resetCredentials } from '../modules/users/users.service.ts';

/**
 * `npm run admin:reset -- <login>`: the operator's way back into an account nobody in the
 * application may reset (a lost administrator password or authenticator). Needs shell access
 * to the server; prints a one-time password; recorded in the audit log as done from the console.
 */
const login = process.argv[2];
if (!login) {
  console.error('用法：npm run admin:reset -- <登录名>');
  process.exit(2);
}
const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
try {
  const ctx = createContext(db, config);
  const user = await findUserByLogin(db.kysely, login);
  if (!user) {
    console.error(`没有登录名为“${login}”的用户。`);
    process.exitCode = 1;
  } else {
    const password = await resetCredentials(ctx, { actor: null, ip: 'console' }, user.id, { via: 'console' });
    console.log(`已重置“${user.real_name}（${user.login}）”的登录凭据：动态验证码已解除，所有会话已注销。`);
    console.log(`一次性密码（只显示这一次，登录后须立即修改）：${password}`);
  }
} finally {
  await db.close();
}
