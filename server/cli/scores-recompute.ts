import { loadConfig, sqlitePathFor } from '../config.ts';
import { openDb } from '../db/database.ts';
import { ledgerDigest, recomputeLedger } from '../modules/scores/scores.service.ts';

/**
 * Rebuilds the score ledger from the recorded events and rules, and says whether the result is
 * the ledger that was there (it must be: points are never changed except through events and
 * rule tables). Exits 1 when it differs.
 */
const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
try {
  const before = await ledgerDigest(db.kysely);
  const result = await db.kysely.transaction().execute(async (tx) => {
    const done = await recomputeLedger(tx);
    return { ...done, after: await ledgerDigest(tx) };
  });
  console.log(`已重算 ${result.items} 条信息的计分，共 ${result.rows} 条计分记录。`);
  if (before.sha256 === result.after.sha256) {
    console.log(`重算结果与原计分台账完全一致（SHA-256 ${result.after.sha256}）。`);
  } else {
    console.error(
      `重算结果与原计分台账不一致：原 ${before.rows} 条（${before.sha256}），重算后 ${result.after.rows} 条（${result.after.sha256}）。台账已按重算结果更新，请核查差异原因。`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
