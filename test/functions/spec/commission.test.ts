/**
 * COMP.COMMISSION(amount, rate_table, [method], [quota]): commission on a 2-column table of
 * (tier lower bound, rate). MARGINAL (default): each slice at its own tier's rate. RETROACTIVE
 * (alias RETRO): the whole amount at the rate of the highest tier reached. Amount below the
 * first bound earns 0. With quota, bounds are fractions of quota. Element-wise in amount.
 * Decisions: bounds ≥ 0 strictly ascending, rates ≥ 0 (else #VALUE! naming the row);
 * quota ≤ 0 → #NUM!; negative amount → #NUM!.
 */
import {
  COMMISSION,
  col,
  E,
  expectError,
  expectMatrix,
  expectNumber,
  lists,
  row,
  DOMAIN_TIERS as D,
  errorCases,
  valueCases,
} from "./kit";
import type { Plain } from "./kit";

// D = DOMAIN_TIERS: docs/domain.md: 3% to 300k, 5% to 500k, 7% above

describe("COMP.COMMISSION MARGINAL (default) and RETROACTIVE", () => {
  test.each<[string, Plain, number, number]>([
    // domain.md: 9,000 + 10,000 + 7,000 = 26,000; retroactive: 600k reaches the 7% tier → 42,000
    ["domain example, 600k", 600000, 26000, 42000],
    // 300,000 × 3% = 9,000; reaching a bound reaches its tier: 300,000 × 5% = 15,000
    ["exactly at the second bound", 300000, 9000, 15000],
    // 250,000 × 3% = 7,500 either way
    ["inside the first tier", 250000, 7500, 7500],
    // 9,000 + 100,000 × 5% = 14,000; 400,000 × 5% = 20,000
    ["inside the second tier", 400000, 14000, 20000],
    // 9,000 + 200,000 × 5% = 19,000; 500,000 × 7% = 35,000
    ["exactly at the third bound", 500000, 19000, 35000],
    ["zero", 0, 0, 0],
    ["blank counts as 0", null, 0, 0],
    // 9,000 + 10,000 + 1,500,000 × 7% = 124,000; 2,000,000 × 7% = 140,000
    ["far above the last bound", 2000000, 124000, 140000],
  ])("%s: COMMISSION(%p) = %p marginal, %p retroactive", (_name, amount, marginal, retro) => {
    expectNumber(COMMISSION(amount, D), marginal);
    expectNumber(COMMISSION(amount, D, null), marginal);
    expectNumber(COMMISSION(amount, D, "MARGINAL"), marginal);
    expectNumber(COMMISSION(amount, D, "marginal", undefined), marginal);
    expectNumber(COMMISSION(amount, D, "RETROACTIVE"), retro);
    expectNumber(COMMISSION(amount, D, "RETRO"), retro);
    expectNumber(COMMISSION(amount, D, "retroactive"), retro);
    expectNumber(COMMISSION(amount, D, "Retro"), retro);
  });
});

describe("COMP.COMMISSION first bound above zero", () => {
  // nothing below 100k; 5% from 100k; 10% from 200k
  const T: Plain = [
    [100000, 0.05],
    [200000, 0.1],
  ];
  test.each<[string, number, string, number]>([
    ["below the first bound earns 0", 50000, "MARGINAL", 0],
    ["below the first bound earns 0 (retro)", 50000, "RETRO", 0],
    ["at the first bound (marginal: no slice above it yet)", 100000, "MARGINAL", 0],
    // retroactive: the whole 100,000 at 5% = 5,000
    ["at the first bound (retro)", 100000, "RETRO", 5000],
    // marginal: (150,000 − 100,000) × 5% = 2,500
    ["inside the first tier", 150000, "MARGINAL", 2500],
    // retroactive: the whole amount at the reached tier's rate: 150,000 × 5% = 7,500
    ["inside the first tier (retro)", 150000, "RETRO", 7500],
    // 100,000 × 5% + 50,000 × 10% = 5,000 + 5,000 = 10,000
    ["second tier", 250000, "MARGINAL", 10000],
    // 250,000 × 10% = 25,000
    ["second tier (retro)", 250000, "RETRO", 25000],
  ])("%s: COMMISSION(%p, …, %p) = %p", (_name, amount, method, expected) => {
    expectNumber(COMMISSION(amount, T, method), expected);
  });
});

describe("COMP.COMMISSION with quota (bounds are fractions of quota)", () => {
  // 3% to 100% of quota, 5% from 100%, 8% from 150%
  const Q: Plain = [
    [0, 0.03],
    [1, 0.05],
    [1.5, 0.08],
  ];
  test.each<[string, number, string | null, number, number]>([
    // 100,000 × 3% + 50,000 × 5% + 30,000 × 8% = 3,000 + 2,500 + 2,400 = 7,900
    ["marginal at 180% of quota", 180000, null, 100000, 7900],
    // 180,000 × 8% = 14,400
    ["retroactive at 180% of quota", 180000, "RETRO", 100000, 14400],
    // 80,000 × 3% = 2,400
    ["marginal at 80% of quota", 80000, "MARGINAL", 100000, 2400],
    // quota 200,000: 180,000 is 90% → 180,000 × 3% = 5,400
    ["the same sales against a bigger quota", 180000, "RETROACTIVE", 200000, 5400],
  ])("%s", (_name, amount, method, quota, expected) => {
    expectNumber(COMMISSION(amount, Q, method, quota), expected);
  });

  test("quota omitted means bounds are amounts", () => {
    // bounds 0, 1, 1.5 as amounts: 10 → 1 × 3% + 0.5 × 5% + 8.5 × 8% = 0.03 + 0.025 + 0.68 = 0.735
    expectNumber(COMMISSION(10, Q), 0.735);
    expectNumber(COMMISSION(10, Q, null), 0.735);
  });

  test("a blank quota cell is #VALUE!, not bounds silently read as amounts", () => {
    // A rep whose quota cell is empty: reading 0, 1, 1.5 as dollars would pay 8% on nearly all
    // of 180,000 (14,399.935) where a quota was meant.
    expectError(COMMISSION(180000, Q, null, null), "#VALUE!", /quota is blank/);
    expectError(COMMISSION(180000, Q, "RETRO", ""), "#VALUE!", /quota is blank/);
  });
});

describe("COMP.COMMISSION published worked examples", () => {
  /**
   * "Retroactive Tier Jumping", Earn Base glossary, https://www.earnbase.no/glossary/retroactive-tier-jumping
   * 50% on the first $100K, 60% once production passes $100K; $180K of sales → retroactive
   * $108K (all $180K at 60%) versus incremental $98K ($50K + $48K).
   */
  const EARN_BASE: Plain = [
    [0, 0.5],
    [100000, 0.6],
  ];
  /**
   * "Tiered Commission by Revenue: Amount Above Earned Breakdown", MyTime help centre,
   * https://help.mytime.com/hc/en-us/articles/360046956372-Tiered-Commission-by-Revenue-Amount-Above-Earned-Breakdown
   * $0–$499.99 at 25%, $500–$2,999.99 at 30%, $3,000+ at 40%, amount above each tier at that
   * tier's rate: $400 → $100; $100 → $25; $5,000 → $1,675.00.
   */
  const MYTIME: Plain = [
    [0, 0.25],
    [500, 0.3],
    [3000, 0.4],
  ];
  valueCases(COMMISSION, [
    /**
     * "The Strategic Advantage of Non-Retroactive Commission: A Complete Guide", SparrowGenie,
     * https://www.sparrowgenie.com/sales-commission-models/non-retroactive-commission
     * 3% on the first $300,000, 5% from $300,001 to $500,000, 7% above $500,000; $600,000 of
     * quarterly sales → $9,000 + $10,000 + $7,000 = $26,000 (the same figures as docs/domain.md).
     */
    ["SparrowGenie non-retroactive: $600,000 → $26,000", [600000, D, "MARGINAL"], 26000],
    [
      "Earn Base tier jumping: $180K RETROACTIVE → 108000",
      [180000, EARN_BASE, "RETROACTIVE"],
      108000,
    ],
    ["Earn Base tier jumping: $180K MARGINAL → 98000", [180000, EARN_BASE, "MARGINAL"], 98000],
    ["MyTime tiered commission: $400 → $100", [400, MYTIME], 100, 1e-6],
    ["MyTime tiered commission: $100 → $25", [100, MYTIME], 25, 1e-6],
    ["MyTime tiered commission: $5000 → $1675", [5000, MYTIME], 1675, 1e-6],
  ]);
});

describe("COMP.COMMISSION tables", () => {
  test("a header row is skipped", () => {
    expectNumber(
      COMMISSION(600000, [
        ["From", "Rate"],
        [0, 0.03],
        [300000, 0.05],
        [500000, 0.07],
      ]),
      26000
    );
  });

  test("blank rows are skipped", () => {
    expectNumber(
      COMMISSION(600000, [
        [0, 0.03],
        [null, null],
        [300000, 0.05],
        [500000, 0.07],
      ]),
      26000
    );
  });

  test("falling rates are allowed (rates only need to be ≥ 0)", () => {
    // marginal: 100 × 10% + 100 × 5% = 15; retroactive: 200 × 5% = 10
    expectNumber(
      COMMISSION(200, [
        [0, 0.1],
        [100, 0.05],
      ]),
      15
    );
    expectNumber(
      COMMISSION(
        200,
        [
          [0, 0.1],
          [100, 0.05],
        ],
        "RETRO"
      ),
      10
    );
  });

  test.each<[string, Plain, RegExp[]]>([
    [
      "bounds not ascending",
      [
        [0, 0.03],
        [500, 0.05],
        [300, 0.07],
      ],
      [row(3)],
    ],
    [
      "duplicate bounds",
      [
        [0, 0.03],
        [300, 0.05],
        [300, 0.07],
      ],
      [row(3)],
    ],
    [
      "duplicate bounds after a header",
      [
        ["From", "Rate"],
        [0, 0.03],
        [0, 0.05],
      ],
      [row(3)],
    ],
    [
      "a negative bound",
      [
        [-1, 0.03],
        [100, 0.05],
      ],
      [row(1)],
    ],
    [
      "a negative rate",
      [
        [0, 0.03],
        [100, -0.05],
      ],
      [row(2)],
    ],
    [
      "text in the body",
      [
        [0, 0.03],
        ["100k", 0.05],
      ],
      [row(2)],
    ],
    [
      "a boolean in the body",
      [
        [0, 0.03],
        [100, false],
      ],
      [row(2)],
    ],
    [
      "a partly blank row",
      [
        [0, 0.03],
        [null, 0.05],
      ],
      [row(2)],
    ],
  ])("%s → #VALUE! naming the row", (_name, table, message) => {
    expectError(COMMISSION(1000, table), "#VALUE!", message);
  });

  test.each<[string, Plain]>([
    [
      "three columns",
      [
        [0, 0.03, 1],
        [100, 0.05, 1],
      ],
    ],
    ["one column", [0, 100]],
    ["only a header", [["From", "Rate"]]],
    ["only blank rows", [[null, null]]],
  ])("%s → #VALUE!", (_name, table) => {
    expectError(COMMISSION(1000, table), "#VALUE!");
  });
});

describe("COMP.COMMISSION argument errors", () => {
  errorCases(COMMISSION, [
    ["negative amount", [-1, D], "#NUM!", undefined],
    ["negative amount (retro)", [-1, D, "RETRO"], "#NUM!", undefined],
    ["text amount", ["600k", D], "#VALUE!", /amount/i],
    ["boolean amount", [true, D], "#VALUE!", /amount/i],
    ["error amount propagates", [E("#N/A"), D], "#N/A", undefined],
    ["quota 0", [1000, D, null, 0], "#NUM!", undefined],
    ["negative quota", [1000, D, null, -5], "#NUM!", undefined],
    ["text quota", [1000, D, null, "q"], "#VALUE!", /quota/i],
    ["unknown method", [1000, D, "CUMULATIVE"], "#VALUE!", lists("MARGINAL", "RETROACTIVE")],
    ["a beyond word as method", [1000, D, "CAP"], "#VALUE!", lists("MARGINAL", "RETROACTIVE")],
  ]);
});

describe("COMP.COMMISSION element-wise", () => {
  test("a column of amounts spills a column; bad amounts fail alone", () => {
    // 26,000; 7,500; −1 → #NUM!; blank → 0; "x" → #VALUE!; 300,000 → 9,000
    expectMatrix(
      COMMISSION([600000, 250000, -1, null, "x", 300000], D),
      col(26000, 7500, "#NUM!", 0, "#VALUE!", 9000)
    );
  });

  test("a row of amounts spills a row (retroactive)", () => {
    expectMatrix(COMMISSION([[600000, 250000, 300000]], D, "RETRO"), [[42000, 7500, 15000]]);
  });
});
