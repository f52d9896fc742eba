import { loadConfig, sqlitePathFor } from '../config.ts';
import { openDb } from '../db/database.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';

/** Exits 0 when the audit chain is intact; otherwise names the first broken row and exits 1. */
const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
try {
  const result = await verifyAuditChain(db.kysely);
  if (result.ok) {
    console.log(`审计日志完整：共校验 ${result.rows} 条，哈希链无断裂。`);
  } else {
    const what =
      result.reason === 'content'
        ? '内容与哈希不符（记录被篡改）'
        : '与前一条记录的链接断裂（记录被删除或插入）';
    console.error(
      `审计日志校验失败：第一处断裂在 id=${result.brokenId} 的记录，${what}。此前 ${result.rows} 条完好。`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
