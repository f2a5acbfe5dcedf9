/**
 * Property tests (fast-check) for the COMP catalogue: ≥ 10,000 generated cases per function.
 * (a) junk input never throws and yields only finite numbers / CompErrors (or matrices of them);
 * (b)–(h) the invariants of issue 2 §4, plus a few consistency properties.
 */
import fc from "fast-check";
import { catalog } from "../../../src/functions/catalog";
import type { Arg, Cell, Result } from "../../../src/functions/values";
import { CompError } from "../../../src/engine/errors";
import type { ErrorCode } from "../../../src/engine/errors";
import { asMatrix, comp, num, serial, single } from "../../helpers/comp";
import type { Plain } from "../../helpers/comp";

const RUNS = 10_000;

/** Asserts a property over RUNS generated cases. */
const holds = (property: Parameters<typeof fc.assert>[0]) => fc.assert(property, { numRuns: RUNS });
const CODES: ErrorCode[] = ["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"];

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Words the functions understand, in odd cases, plus near misses. */
const WORDS = [
  "LINEAR",
  "STEP",
  "CAP",
  "EXTEND",
  "MARGINAL",
  "RETROACTIVE",
  "RETRO",
  "DAYS",
  "MONTHS",
  "PAID",
  "BALANCE",
  "linear",
  "Step",
  "cap",
  "extend",
  "retro",
  "months",
  "balance",
  "TRUE",
  "FALSE",
];
const JUNK_TEXT = [
  "",
  " ",
  "=1+1",
  "abc",
  "100",
  "1e3",
  "#N/A",
  "Attainment",
  "Rate",
  "NaN",
  "Infinity",
  "\u0000",
  "🙂",
];

/** Any cell Excel could send: finite numbers (never NaN/Infinity), text, booleans, blanks, errors. */
const junkCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 4, arbitrary: fc.double({ min: -0.5, max: 3, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 100000 }) },
  // edge values, including magnitudes whose products/sums overflow (Excel holds up to 1.8e308)
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      0.5,
      2,
      1e-300,
      5e-324,
      1e154,
      1e300,
      1e308,
      1.7976931348623157e308,
      -1e308,
      45292,
      61,
      2958465
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom<Cell>(...WORDS, ...JUNK_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...CODES)
      .map((code) => new CompError(code, `${code} from the sheet`)),
  }
);

/** A matrix of junk cells, 1..5 × 1..5 (Excel never sends an empty matrix). */
const junkMatrix: fc.Arbitrary<Cell[][]> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) =>
    fc.array(fc.array(junkCell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })
  );

/** A plausible table: ascending-ish numeric rows, sometimes with a header or a blank row. */
const plausibleTable: fc.Arbitrary<Cell[][]> = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom(2, 2, 2, 2, 3, 4, 6),
    fc.boolean(),
    fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(1e300, 1e308))
  )
  .chain(([n, c, header, start]) =>
    fc
      .array(
        fc.array(
          fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(2, 1e300, 1e308)),
          { minLength: c, maxLength: c }
        ),
        {
          minLength: n,
          maxLength: n,
        }
      )
      .map((rows) => {
        let at = start;
        const body: Cell[][] = rows.map((r) => {
          // stay finite: Excel never sends Infinity
          at = Math.min(at + r[0], Number.MAX_VALUE);
          return [at, ...r.slice(1)];
        });
        return header ? [Array.from({ length: c }, (_, j) => `h${j}`), ...body] : body;
      })
  );

/** An argument: junk, a plausible table, a single word, a single number, or absent. */
const junkArg: fc.Arbitrary<Arg> = fc.oneof(
  { weight: 5, arbitrary: junkMatrix },
  { weight: 2, arbitrary: plausibleTable },
  { weight: 2, arbitrary: junkCell.map((c) => [[c]]) },
  { weight: 1, arbitrary: fc.constantFrom<Arg>(null, undefined) }
);

// ---------------------------------------------------------------------------------------------
// (a) Junk in, only numbers and CompErrors out
// ---------------------------------------------------------------------------------------------

function checkElement(value: unknown, where: string): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${where}: non-finite number ${value}`);
    return;
  }
  if (value instanceof CompError) {
    if (!CODES.includes(value.code)) throw new Error(`${where}: unknown error code ${value.code}`);
    if (typeof value.message !== "string") throw new Error(`${where}: message is not a string`);
    // Excel shows messages on #VALUE! and #N/A only; those must say what is wrong
    if ((value.code === "#VALUE!" || value.code === "#N/A") && value.message.trim() === "") {
      throw new Error(`${where}: ${value.code} without a message`);
    }
    return;
  }
  throw new Error(
    `${where}: ${typeof value} ${String(value)} is neither a finite number nor a CompError`
  );
}

function checkResult(result: unknown): void {
  if (Array.isArray(result)) {
    if (result.length === 0) throw new Error("empty matrix");
    const width = Array.isArray(result[0]) ? result[0].length : -1;
    if (width <= 0) throw new Error("matrix with an empty or missing first row");
    result.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== width) throw new Error(`ragged matrix at row ${i}`);
      row.forEach((v, j) => checkElement(v, `[${i}][${j}]`));
    });
    return;
  }
  checkElement(result, "result");
}

const shapeOf = (arg: Arg) => (arg ? { rows: arg.length, cols: arg[0].length } : undefined);

describe("(a) junk input never throws and returns only numbers / CompErrors", () => {
  test("the catalogue has the 12 contract functions", () => {
    expect(catalog).toHaveLength(12);
  });

  test.each(catalog.map((spec) => [spec.name, spec] as const))("COMP.%s", (_name, spec) => {
    const argsArb = fc.tuple(...spec.params.map(() => junkArg));
    holds(
      fc.property(argsArb, (args) => {
        const result = spec.impl(...args);
        checkResult(result);
        // a spilled result must have the shape the engines size the spill range by
        if (Array.isArray(result)) {
          const shape = spec.resultShape(args.map(shapeOf));
          if (shape.rows !== result.length || shape.cols !== result[0].length) {
            throw new Error(
              `spilled ${result.length}×${result[0].length} but resultShape says ${shape.rows}×${shape.cols}`
            );
          }
        }
      })
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generators of valid inputs
// ---------------------------------------------------------------------------------------------

/** Values on a 1/1024 grid keep the arithmetic close to exact. */
const grid = (min: number, max: number) =>
  fc.integer({ min: min * 1024, max: max * 1024 }).map((k) => k / 1024);
const pos = (max: number) => fc.integer({ min: 1, max: max * 1024 }).map((k) => k / 1024);

/** A curve table: strictly ascending points, rates ≥ 0 (rising when `rising`). */
function curveTable(rising: boolean, maxPoints = 6): fc.Arbitrary<number[][]> {
  return fc
    .tuple(
      grid(-1, 2),
      fc.array(fc.tuple(pos(1), grid(0, 2)), { minLength: 1, maxLength: maxPoints })
    )
    .map(([start, steps]) => {
      let x = start;
      let r = 0;
      return steps.map(([dx, dr], i) => {
        x = i === 0 ? x : x + dx;
        r = rising ? r + dr : dr;
        return [x, r];
      });
    });
}

/** A rate table: bounds ≥ 0 strictly ascending, rates ≥ 0 (non-decreasing when `rising`). */
function rateTable(rising: boolean): fc.Arbitrary<number[][]> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 100_000 }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 0, max: 100 })), {
        minLength: 1,
        maxLength: 6,
      })
    )
    .map(([first, steps]) => {
      let bound = first;
      let rate = 0;
      return steps.map(([db, dr], i) => {
        bound = i === 0 ? bound : bound + db;
        rate = rising ? rate + dr / 1000 : dr / 1000;
        return [bound, rate];
      });
    });
}

const method = fc.constantFrom("LINEAR", "STEP");
const beyond = fc.constantFrom("CAP", "EXTEND");

/** PAYOUT's inputs: curve table, attainment, target incentive, method, beyond. */
const payoutInputs = [
  curveTable(false),
  grid(-1, 5),
  fc.integer({ min: 0, max: 1_000_000 }),
  method,
  beyond,
] as const;

/** The value a single-number result holds; fails the property on anything else. */
function value(result: Result, what: string): number {
  const v = num(result);
  if (!Number.isFinite(v))
    throw new Error(`${what}: expected a number, got ${String(single(result))}`);
  return v;
}
const tiny = (scale: number) => 1e-9 * Math.max(1, Math.abs(scale));

// ---------------------------------------------------------------------------------------------
// (b) CURVE non-decreasing in attainment when rates are; (c) CAP ≤ largest rate
// ---------------------------------------------------------------------------------------------

describe("CURVE", () => {
  test("(b) non-decreasing in attainment when the rates are (LINEAR and STEP, CAP and EXTEND)", () => {
    holds(
      fc.property(
        curveTable(true),
        grid(-2, 6),
        grid(0, 3),
        method,
        beyond,
        (table, a, d, m, b) => {
          const lo = value(comp("CURVE", a, table, b, m), "CURVE(a)");
          const hi = value(comp("CURVE", a + d, table, b, m), "CURVE(a + d)");
          return hi >= lo - tiny(lo);
        }
      )
    );
  });

  test("(c) CAP never exceeds the table's largest rate, and never goes below 0", () => {
    holds(
      fc.property(
        curveTable(false),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        method,
        (table, a, m) => {
          const maxRate = Math.max(...table.map((r) => r[1]));
          const v = value(comp("CURVE", a, table, "CAP", m), "CURVE");
          return v <= maxRate + tiny(maxRate) && v >= 0;
        }
      )
    );
  });

  test("STEP returns one of the table's rates or 0", () => {
    holds(
      fc.property(curveTable(false), grid(-2, 8), beyond, (table, a, b) => {
        const v = value(comp("CURVE", a, table, b, "STEP"), "CURVE");
        return v === 0 || table.some((r) => r[1] === v);
      })
    );
  });

  test("a column of attainments gives the same values as one at a time", () => {
    holds(
      fc.property(
        curveTable(false),
        fc.array(grid(-1, 6), { minLength: 1, maxLength: 6 }),
        method,
        beyond,
        (table, as, m, b) => {
          const spilled = asMatrix(comp("CURVE", as, table, b, m));
          return as.every((a, i) => spilled[i][0] === single(comp("CURVE", a, table, b, m)));
        }
      )
    );
  });
});

describe("PAYOUT", () => {
  test("PAYOUT = target_incentive × CURVE", () => {
    holds(
      fc.property(...payoutInputs, (table, a, ti, m, b) => {
        const payout = value(comp("PAYOUT", a, table, ti, b, m), "PAYOUT");
        const rate = value(comp("CURVE", a, table, b, m), "CURVE");
        return Math.abs(payout - ti * rate) <= tiny(ti * rate);
      })
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (d) MARGINAL ≤ RETROACTIVE when rates rise; (e) MARGINAL continuous in amount
// ---------------------------------------------------------------------------------------------

describe("COMMISSION", () => {
  test("(d) MARGINAL ≤ RETROACTIVE when rates rise", () => {
    holds(
      fc.property(rateTable(true), fc.integer({ min: 0, max: 3_000_000 }), (table, amount) => {
        const marginal = value(comp("COMMISSION", amount, table, "MARGINAL"), "MARGINAL");
        const retro = value(comp("COMMISSION", amount, table, "RETROACTIVE"), "RETROACTIVE");
        return marginal <= retro + tiny(retro) && marginal >= 0;
      })
    );
  });

  test("(e) MARGINAL is continuous: |f(x + ε) − f(x)| ≤ maxRate · ε (any rates ≥ 0)", () => {
    holds(
      fc.property(
        rateTable(false),
        fc.double({ min: 0, max: 3_000_000, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        (table, x, eps) => {
          const step = x + eps - x; // the ε actually representable at x
          const maxRate = Math.max(...table.map((r) => r[1]));
          const f0 = value(comp("COMMISSION", x, table), "f(x)");
          const f1 = value(comp("COMMISSION", x + eps, table), "f(x + ε)");
          return Math.abs(f1 - f0) <= maxRate * step + tiny(f0);
        }
      )
    );
  });

  test("bounds as fractions of quota equal bounds in amounts", () => {
    holds(
      fc.property(
        rateTable(false),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.constantFrom(1024, 2048, 65536, 131072),
        fc.constantFrom("MARGINAL", "RETRO"),
        (table, amount, quota, m) => {
          const fractions = table.map(([b, r]) => [b / quota, r]);
          const withQuota = value(comp("COMMISSION", amount, fractions, m, quota), "with quota");
          const plain = value(comp("COMMISSION", amount, table, m), "without quota");
          return Math.abs(withQuota - plain) <= tiny(plain);
        }
      )
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (f) GINI in [0, 1); TOPSHARE in (0, 1], non-decreasing in f
// ---------------------------------------------------------------------------------------------

const nonNegatives = fc.array(
  fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
  {
    minLength: 1,
    maxLength: 40,
  }
);

describe("GINI", () => {
  test("(f) GINI is in [0, 1) for non-negative values", () => {
    holds(
      fc.property(nonNegatives, (values) => {
        const g = value(comp("GINI", values), "GINI");
        return g >= 0 && g < 1;
      })
    );
  });

  // no subnormals here: halving 5e-324 underflows to 0, which is not a rescaling
  const normals = fc.array(
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true })
    ),
    {
      minLength: 1,
      maxLength: 40,
    }
  );
  test("GINI does not change when every value is scaled by a power of two, or reordered", () => {
    holds(
      fc.property(
        normals.filter((v) => v.some((x) => x > 0)),
        fc.integer({ min: -8, max: 8 }),
        (values, k) => {
          const g = value(comp("GINI", values), "GINI");
          const scaled = value(
            comp(
              "GINI",
              values.map((x) => x * 2 ** k)
            ),
            "GINI scaled"
          );
          const reversed = value(comp("GINI", [...values].reverse()), "GINI reversed");
          return Math.abs(g - scaled) <= 1e-12 && Math.abs(g - reversed) <= 1e-12;
        }
      )
    );
  });
});

describe("TOPSHARE", () => {
  test("TOPSHARE is in (0, 1] and non-decreasing in top_fraction", () => {
    holds(
      fc.property(
        nonNegatives.filter((v) => v.some((x) => x > 0)),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        (values, f1, f2) => {
          const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
          const a = value(comp("TOPSHARE", values, lo), "TOPSHARE(lo)");
          const b = value(comp("TOPSHARE", values, hi), "TOPSHARE(hi)");
          return a > 0 && a <= 1 && b > 0 && b <= 1 && a <= b + 1e-12;
        }
      )
    );
  });
});

describe("TOPSHARE float guard", () => {
  test("top_fraction = k/n takes exactly the top k values (n × f may be k + ε in floating point)", () => {
    holds(
      fc.property(
        fc
          .integer({ min: 1, max: 60 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }))),
        ([n, k]) => {
          const values = Array.from({ length: n }, (_, i) => i + 1); // top k: n + (n−1) + … + (n−k+1)
          const top = (k * (2 * n - k + 1)) / 2;
          const total = (n * (n + 1)) / 2;
          const v = value(comp("TOPSHARE", values, k / n), "TOPSHARE");
          return Math.abs(v - top / total) <= 1e-12;
        }
      )
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (g) ALIGNMENT in [0, 1], exactly 1 when the shares match
// ---------------------------------------------------------------------------------------------

describe("ALIGNMENT", () => {
  const pairs = fc
    .integer({ min: 1, max: 12 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: n, maxLength: n })
      )
    )
    .filter(([p, q]) => p.some((x) => x > 1e-300) && q.some((x) => x > 1e-300));

  test("(g) ALIGNMENT is in [0, 1]", () => {
    holds(
      fc.property(pairs, ([p, q]) => {
        const v = value(comp("ALIGNMENT", p, q), "ALIGNMENT");
        return v >= 0 && v <= 1;
      })
    );
  });

  test("(g) ALIGNMENT is exactly 1 when pay is priorities scaled by a power of two, or identical", () => {
    holds(
      fc.property(
        fc
          .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 })
          .filter((p) => p.some((x) => x >= 1e-6)),
        fc.integer({ min: -20, max: 20 }),
        (p, k) => {
          const identical = value(comp("ALIGNMENT", p, p), "identical");
          const scaled = value(
            comp(
              "ALIGNMENT",
              p,
              p.map((x) => x * 2 ** k)
            ),
            "scaled"
          );
          return identical === 1 && scaled === 1;
        }
      )
    );
  });

  test("ALIGNMENT is symmetric", () => {
    holds(
      fc.property(pairs, ([p, q]) => {
        const pq = value(comp("ALIGNMENT", p, q), "p,q");
        const qp = value(comp("ALIGNMENT", q, p), "q,p");
        return Math.abs(pq - qp) <= 1e-12;
      })
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (h) DRAW
// ---------------------------------------------------------------------------------------------

describe("DRAW", () => {
  const earningsArb = fc.array(
    fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e5, noNaN: true })),
    {
      minLength: 1,
      maxLength: 24,
    }
  );
  const drawArb = fc.oneof(
    fc.integer({ min: 0, max: 100_000 }),
    fc.double({ min: 0, max: 1e5, noNaN: true })
  );

  test("(h) pays at least the draw each period and never more than earnings plus draws so far", () => {
    holds(
      fc.property(earningsArb, drawArb, fc.boolean(), (earnings, draw, recoverable) => {
        const paid = asMatrix(comp("DRAW", earnings, draw, recoverable, "PAID")).map((r) => r[0]);
        if (paid.length !== earnings.length) return false;
        let cumPaid = 0;
        let cumEarn = 0;
        for (let i = 0; i < paid.length; i++) {
          const p = paid[i];
          if (typeof p !== "number") return false;
          cumPaid += p;
          cumEarn += earnings[i];
          const slack = 1e-9 * Math.max(1, cumEarn + (i + 1) * draw);
          if (p < draw - 1e-9 * Math.max(1, draw)) return false;
          if (cumPaid > cumEarn + (i + 1) * draw + slack) return false;
        }
        return true;
      })
    );
  });

  test("(h) recoverable: Σ paid = Σ earnings + final balance, balances ≥ 0", () => {
    holds(
      fc.property(earningsArb, drawArb, (earnings, draw) => {
        const paid = asMatrix(comp("DRAW", earnings, draw, true, "PAID")).map(
          (r) => r[0] as number
        );
        const balance = asMatrix(comp("DRAW", earnings, draw, true, "BALANCE")).map(
          (r) => r[0] as number
        );
        const sumPaid = paid.reduce((s, x) => s + x, 0);
        const sumEarn = earnings.reduce((s, x) => s + x, 0);
        const last = balance[balance.length - 1];
        return (
          balance.every((b) => typeof b === "number" && b >= 0) &&
          Math.abs(sumPaid - (sumEarn + last)) <=
            1e-9 * Math.max(1, sumEarn + earnings.length * draw)
        );
      })
    );
  });

  test("non-recoverable: paid = max(earnings, draw), balance 0", () => {
    holds(
      fc.property(earningsArb, drawArb, (earnings, draw) => {
        const paid = asMatrix(comp("DRAW", earnings, draw, false)).map((r) => r[0]);
        const balance = asMatrix(comp("DRAW", earnings, draw, false, "BALANCE")).map((r) => r[0]);
        return earnings.every((e, i) => paid[i] === Math.max(e, draw) && balance[i] === 0);
      })
    );
  });
});

// ---------------------------------------------------------------------------------------------
// More consistency properties
// ---------------------------------------------------------------------------------------------

describe("ATTAINMENT", () => {
  test("ATTAINMENT × quota ≈ actual", () => {
    holds(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        (actual, quota) => {
          const a = value(comp("ATTAINMENT", actual, quota), "ATTAINMENT");
          return Math.abs(a * quota - actual) <= 1e-12 * Math.max(1, Math.abs(actual));
        }
      )
    );
  });
});

describe("PRORATE", () => {
  // from 1901 so that start − 400 days is still a valid serial (> 0)
  const date = fc.integer({ min: serial(1901, 3, 1), max: serial(2100, 12, 31) });
  const spanDays = fc.integer({ min: 0, max: 800 }); // days in the period or the active span
  const startOffset = fc.integer({ min: -400, max: 1200 }); // active start − period start, days
  /** A period ps..pe of len + 1 days and an active start `as` somewhere around it. */
  const period = fc
    .tuple(date, spanDays, startOffset)
    .map(([ps, len, offset]) => ({ ps, pe: ps + len, len, as: ps + offset }));
  test("PRORATE is in [0, amount] for both bases, and the whole period gives the amount", () => {
    holds(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        period,
        fc.option(spanDays, { nil: null }),
        fc.constantFrom("DAYS", "MONTHS"),
        (amount, { ps, pe, as }, activeLen, basis) => {
          const ae = activeLen === null ? null : as + activeLen;
          const v = value(comp("PRORATE", amount, ps, pe, as, ae, basis), "PRORATE");
          const whole = value(comp("PRORATE", amount, ps, pe, ps, pe, basis), "PRORATE whole");
          return v >= 0 && v <= amount + tiny(amount) && Math.abs(whole - amount) <= tiny(amount);
        }
      )
    );
  });

  test("PRORATE DAYS = amount × overlap days / period days", () => {
    holds(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        period,
        fc.integer({ min: 0, max: 800 }),
        (amount, { ps, pe, len, as }, activeLen) => {
          const ae = as + activeLen;
          const overlap = Math.max(0, Math.min(pe, ae) - Math.max(ps, as) + 1);
          const expected = (amount * overlap) / (len + 1);
          const v = value(comp("PRORATE", amount, ps, pe, as, ae), "PRORATE");
          return Math.abs(v - expected) <= tiny(expected);
        }
      )
    );
  });
});

describe("MODIFIER and MATRIX", () => {
  test("MODIFIER with a one-row gate pays value × multiplier or nothing", () => {
    holds(
      fc.property(grid(0, 1000), grid(-2, 4), grid(0, 2), grid(0, 3), (v, measure, bound, mult) => {
        const got = value(comp("MODIFIER", v, measure, [[bound, mult]]), "MODIFIER");
        return got === (measure >= bound ? v * mult : 0);
      })
    );
  });

  test("MATRIX LINEAR on a grid point equals STEP there, and both are 0 below the first breakpoints", () => {
    const table = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([r, c]) =>
        fc.tuple(
          fc.array(pos(1), { minLength: r, maxLength: r }),
          fc.array(pos(1), { minLength: c, maxLength: c }),
          fc.array(fc.array(grid(0, 3), { minLength: c, maxLength: c }), {
            minLength: r,
            maxLength: r,
          }),
          fc.integer({ min: 0, max: r - 1 }),
          fc.integer({ min: 0, max: c - 1 })
        )
      );
    holds(
      fc.property(table, ([dr, dc, body, i, j]) => {
        const rows = dr.map((_, k) => dr.slice(0, k + 1).reduce((s, x) => s + x, 0));
        const cols = dc.map((_, k) => dc.slice(0, k + 1).reduce((s, x) => s + x, 0));
        const m: Plain = [[null, ...cols], ...rows.map((r, k) => [r, ...body[k]])];
        const step = value(comp("MATRIX", rows[i], cols[j], m, "STEP"), "STEP");
        const linear = value(comp("MATRIX", rows[i], cols[j], m, "LINEAR"), "LINEAR");
        const below = value(comp("MATRIX", rows[0] - 1 / 1024, cols[j], m, "LINEAR"), "below");
        return step === body[i][j] && Math.abs(linear - body[i][j]) <= 1e-12 && below === 0;
      })
    );
  });
});

describe("WEIGHTED", () => {
  test("WEIGHTED with one measure and weight 1 equals PAYOUT", () => {
    holds(
      fc.property(...payoutInputs, (table, a, ti, m, b) => {
        const w = value(comp("WEIGHTED", [[a]], [[1]], table, ti, b, m), "WEIGHTED");
        const p = value(comp("PAYOUT", a, table, ti, b, m), "PAYOUT");
        return Math.abs(w - p) <= tiny(p);
      })
    );
  });
});
