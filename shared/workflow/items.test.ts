import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ITEM_ACTIONS,
  ITEM_MAIN_LINE,
  ITEM_SIDE_EXITS,
  ITEM_STATE_KEYS,
  type ItemActionDef,
} from './items.ts';
import { WORKFLOW_HEADER, workflowRows } from './markdown.ts';

describe('the item workflow table', () => {
  it('names only known states and reaches every state from a draft', () => {
    const reached = new Set(['draft']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const def of Object.values(ITEM_ACTIONS) as ItemActionDef[]) {
        for (const s of def.from) expect(ITEM_STATE_KEYS).toContain(s);
        if (def.to && def.from.some((s) => reached.has(s)) && !reached.has(def.to)) {
          reached.add(def.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...ITEM_STATE_KEYS].sort());
    expect([...ITEM_MAIN_LINE, ...ITEM_SIDE_EXITS].sort()).toEqual([...ITEM_STATE_KEYS].sort());
  });

  it('is the table docs/ARCHITECTURE.md shows', () => {
    const doc = fs.readFileSync(new URL('../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
    const start = doc.search(new RegExp(`^\\| ${WORKFLOW_HEADER[0]} +\\| ${WORKFLOW_HEADER[1]}`, 'm'));
    expect(start).toBeGreaterThan(0);
    const rows = doc
      .slice(start)
      .split('\n')
      .filter((line, i, all) => line.startsWith('|') && all.slice(0, i).every((l) => l.startsWith('|')))
      .map((line) =>
        line
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    expect(rows[0]).toEqual(WORKFLOW_HEADER);
    expect(rows.slice(2)).toEqual(workflowRows());
  });
});
