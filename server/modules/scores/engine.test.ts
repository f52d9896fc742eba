/**
 * Golden cases of the default rules, computed by hand: each asserts the exact ledger (subject,
 * points in hundredths, rule) an item's events produce.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_RULES, type ScoreRules } from '../../../shared/scoring.ts';
import {
  type LedgerLine,
  type RuleSet,
  type ScoreAuthor,
  type ScoreEvent,
  scoreItem,
  splitPoints,
} from './engine.ts';

const UNIT = 900;
const member = (userId: number, memberLevel: string | null = 'city'): ScoreAuthor => ({
  userId,
  memberLevel,
});
const published = (day = '2026-03-10', source = 'publish:1'): ScoreEvent => ({
  source,
  occurredOn: day,
  kind: 'own_single',
  label: '编发',
});
const adopted = (
  body: ScoreEvent['body'],
  form: ScoreEvent['form'],
  day = '2026-03-20',
  source = 'feedback:1',
): ScoreEvent => ({
  source,
  occurredOn: day,
  kind: 'adoption',
  body,
  form,
  label: '采用',
});
const instructed = (
  rank: ScoreEvent['rank'],
  day = '2026-04-01',
  source = 'feedback:2',
  sharedBy?: number,
): ScoreEvent => ({
  source,
  occurredOn: day,
  kind: 'instruction',
  rank,
  label: '批示',
  ...(sharedBy ? { sharedBy } : {}),
});
/** The ledger as [subject, points, rule key] triples. */
const brief = (lines: LedgerLine[]) =>
  lines.map((l) => [`${l.subjectType}:${l.subjectId}`, l.points, l.ruleKey]);
const withRules = (
  patch: Partial<ScoreRules>,
  id = 7,
  effectiveFrom = '2026-01-01',
  name = '2026年计分规则',
): RuleSet => ({
  id,
  name,
  effectiveFrom,
  rules: { ...DEFAULT_SCORE_RULES, ...patch },
});

describe('default scoring rules, by hand', () => {
  it('1. one author, published 单篇 in our own publication: 5 to the author, 5 to the unit', () => {
    expect(brief(scoreItem({ unitOrgId: UNIT, authors: [member(1)] }, [published()], []))).toEqual([
      ['org:900', 500, 'own.single'],
      ['user:1', 500, 'own.single'],
    ]);
  });

  it('2. two authors: the first half, the second the other half', () => {
    expect(brief(scoreItem({ unitOrgId: UNIT, authors: [member(1), member(2)] }, [published()], []))).toEqual(
      [
        ['org:900', 500, 'own.single'],
        ['user:1', 250, 'own.single'],
        ['user:2', 250, 'own.single'],
      ],
    );
  });

  it('3. four authors: the first 2.5, the other three share 2.5 (0.84, 0.83, 0.83)', () => {
    const lines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1), member(2), member(3), member(4)] },
      [published()],
      [],
    );
    expect(brief(lines).slice(1)).toEqual([
      ['user:1', 250, 'own.single'],
      ['user:2', 84, 'own.single'],
      ['user:3', 83, 'own.single'],
      ['user:4', 83, 'own.single'],
    ]);
    expect(lines.filter((l) => l.subjectType === 'user').reduce((s, l) => s + l.points, 0)).toBe(500);
  });

  it('4. a provincial member among the authors: +2 at our own level, once for the item', () => {
    expect(
      brief(scoreItem({ unitOrgId: UNIT, authors: [member(1), member(2, 'province')] }, [published()], [])),
    ).toEqual([
      ['org:900', 700, 'own.single+bonus.own.province'],
      ['user:1', 350, 'own.single+bonus.own.province'],
      ['user:2', 350, 'own.single+bonus.own.province'],
    ]);
  });

  it('5. a national and a provincial member: the national bonus only, once', () => {
    const lines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1, 'province'), member(2, 'national')] },
      [published()],
      [],
    );
    expect(lines[0]?.points).toBe(1000);
    expect(lines[0]?.explanation).toContain('全国政协委员加5分');
  });

  it('6. adopted 单篇 by 全国政协办公厅 with a national member: 20 + 15', () => {
    expect(
      brief(
        scoreItem(
          { unitOrgId: UNIT, authors: [member(1, 'national')] },
          [adopted('national_cppcc', 'single')],
          [],
        ),
      ),
    ).toEqual([
      ['org:900', 3500, 'adoption.national_cppcc.single+bonus.upstream.national'],
      ['user:1', 3500, 'adoption.national_cppcc.single+bonus.upstream.national'],
    ]);
  });

  it('7. 综合采用, 摘报 and 原稿转送 by 省委办公厅 count as combined: 10 each', () => {
    for (const form of ['combined', 'excerpt', 'forwarded'] as const)
      expect(
        brief(
          scoreItem({ unitOrgId: UNIT, authors: [member(1)] }, [adopted('provincial_party', form)], []),
        )[1],
      ).toEqual(['user:1', 1000, 'adoption.provincial_party.combined']);
  });

  it('8. instructions by rank: 厅局级 15, 省主要领导 30; no member bonus on instructions', () => {
    const lines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1, 'province')] },
      [
        instructed('bureau', '2026-04-01', 'feedback:2'),
        instructed('provincial_main', '2026-04-02', 'feedback:3'),
      ],
      [],
    );
    expect(brief(lines)).toEqual([
      ['org:900', 1500, 'instruction.bureau'],
      ['user:1', 1500, 'instruction.bureau'],
      ['org:900', 3000, 'instruction.provincial_main'],
      ['user:1', 3000, 'instruction.provincial_main'],
    ]);
  });

  it('9. a cap of 40 per item: published 5, adopted 20, instruction 30 → the instruction counts 15', () => {
    const capped = withRules({ capPerItem: 40 });
    const lines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1)] },
      [
        published('2026-03-10'),
        adopted('national_cppcc', 'single', '2026-03-20'),
        instructed('provincial_main', '2026-04-01'),
      ],
      [capped],
    );
    expect(lines.filter((l) => l.subjectType === 'user').map((l) => l.points)).toEqual([500, 2000, 1500]);
    expect(lines[5]?.explanation).toContain('单条信息累计上限40分');
  });

  it('10. a rule change mid-year applies from its date only', () => {
    const july = withRules(
      { own: { single: 6, combined: 3, referred: 1 } },
      8,
      '2026-07-01',
      '2026年下半年计分规则',
    );
    const lines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1)] },
      [published('2026-06-30', 'publish:1'), published('2026-07-01', 'publish:2')],
      [july],
    );
    expect(lines.filter((l) => l.subjectType === 'user').map((l) => [l.points, l.ruleSetId])).toEqual([
      [500, null],
      [600, 8],
    ]);
    expect(lines[3]?.explanation).toContain('2026年下半年计分规则');
  });

  it('11. an instruction on a composite of three source items: each source 5 (15 ÷ 3)', () => {
    const lines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1), member(2)] },
      [instructed('bureau', '2026-04-01', 'feedback:9', 3)],
      [],
    );
    expect(brief(lines)).toEqual([
      ['org:900', 500, 'instruction.bureau'],
      ['user:1', 250, 'instruction.bureau'],
      ['user:2', 250, 'instruction.bureau'],
    ]);
    expect(lines[0]?.explanation).toContain('3条原稿平分');
  });

  it('12. a source item of a published composite: 综合 2', () => {
    const e: ScoreEvent = {
      source: 'publish:5',
      occurredOn: '2026-03-10',
      kind: 'own_combined',
      label: '编发',
    };
    expect(brief(scoreItem({ unitOrgId: UNIT, authors: [member(1)] }, [e], []))).toEqual([
      ['org:900', 200, 'own.combined'],
      ['user:1', 200, 'own.combined'],
    ]);
  });

  it('13. lead only, and at most two authors credited', () => {
    const lead = withRules({ split: { policy: 'lead_only', firstPercent: 50, maxCredited: null } });
    expect(
      brief(scoreItem({ unitOrgId: UNIT, authors: [member(1), member(2)] }, [published()], [lead])).slice(1),
    ).toEqual([['user:1', 500, 'own.single']]);
    const two = withRules({ split: { policy: 'equal', firstPercent: 50, maxCredited: 2 } });
    expect(
      brief(
        scoreItem({ unitOrgId: UNIT, authors: [member(1), member(2), member(3)] }, [published()], [two]),
      ).slice(1),
    ).toEqual([
      ['user:1', 250, 'own.single'],
      ['user:2', 250, 'own.single'],
    ]);
  });

  it("14. a unit's own item (no member authors) scores the unit only; without parallel unit scoring, nobody but authors", () => {
    expect(
      brief(
        scoreItem({ unitOrgId: UNIT, authors: [{ userId: null, memberLevel: null }] }, [published()], []),
      ),
    ).toEqual([['org:900', 500, 'own.single']]);
    const noUnit = withRules({ unitParallel: false });
    expect(brief(scoreItem({ unitOrgId: UNIT, authors: [member(1)] }, [published()], [noUnit]))).toEqual([
      ['user:1', 500, 'own.single'],
    ]);
  });

  it('15. tables with decimals score exact hundredths: 0.1 and 2.3 points, a cap of 2.45', () => {
    const tenths = withRules({ own: { single: 0.1, combined: 2.3, referred: 1 }, capPerItem: 2.45 });
    expect(
      brief(scoreItem({ unitOrgId: UNIT, authors: [member(1)] }, [published('2026-03-10')], [tenths])),
    ).toEqual([
      ['org:900', 10, 'own.single'],
      ['user:1', 10, 'own.single'],
    ]);
    const combined: ScoreEvent = { ...published('2026-03-11', 'publish:2'), kind: 'own_combined' };
    expect(brief(scoreItem({ unitOrgId: UNIT, authors: [] }, [published(), combined], [tenths]))).toEqual([
      ['org:900', 10, 'own.single'],
      ['org:900', 230, 'own.combined'],
    ]);
    const capped = scoreItem(
      { unitOrgId: UNIT, authors: [] },
      [published(), combined, { ...combined, source: 'publish:3', occurredOn: '2026-03-12' }],
      [tenths],
    );
    expect(brief(capped).map(([, p]) => p)).toEqual([10, 230, 5]);
  });

  it('16. a solicited piece (约稿) adopted upstream: +5 once per adoption, not on its own publication', () => {
    const lines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1)], solicited: true },
      [published(), adopted('provincial_party', 'single', '2026-04-01')],
      [],
    );
    expect(brief(lines)).toEqual([
      ['org:900', 500, 'own.single'],
      ['user:1', 500, 'own.single'],
      ['org:900', 2000, 'adoption.provincial_party.single+bonus.solicited'],
      ['user:1', 2000, 'adoption.provincial_party.single+bonus.solicited'],
    ]);
    expect(lines[2]?.explanation).toContain('采用，15分；约稿加5分');
    // A second adoption earns the bonus again: once per adoption, not once per item.
    const twice = scoreItem(
      { unitOrgId: UNIT, authors: [member(1)], solicited: true },
      [
        adopted('provincial_party', 'single', '2026-04-01'),
        adopted('national_cppcc', 'combined', '2026-05-01', 'feedback:3'),
      ],
      [],
    );
    expect(brief(twice).filter(([s]) => s === 'org:900')).toEqual([
      ['org:900', 2000, 'adoption.provincial_party.single+bonus.solicited'],
      ['org:900', 2000, 'adoption.national_cppcc.combined+bonus.solicited'],
    ]);
    // A table saved before the solicited bonus existed scores none.
    const { solicited: _, ...oldBonus } = DEFAULT_SCORE_RULES.bonus;
    const old = withRules({ bonus: oldBonus });
    const oldLines = scoreItem(
      { unitOrgId: UNIT, authors: [member(1)], solicited: true },
      [adopted('provincial_party', 'single', '2026-04-01')],
      [old],
    );
    expect(brief(oldLines)[0]).toEqual(['org:900', 1500, 'adoption.provincial_party.single']);
  });

  it('splits always add up to the total', () => {
    for (const total of [1, 99, 250, 500, 1001, 3500])
      for (let n = 1; n <= 7; n += 1)
        for (const policy of ['first_half', 'lead_only', 'fixed', 'equal'] as const)
          expect(splitPoints(total, n, policy, 60).reduce((s, x) => s + x, 0)).toBe(total);
  });
});
