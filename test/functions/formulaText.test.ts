import { mapCode, normalizeFormula } from "../../src/functions/formulaText";

describe("normalizeFormula", () => {
  it.each([
    ["=_xldudf_COMP_PAYOUT(B2,$E$2:$F$4,C2)", "=COMP.PAYOUT(B2,$E$2:$F$4,C2)"],
    ["_xldudf_COMP_PAYOUT(B2,T,C2)", "COMP.PAYOUT(B2,T,C2)"],
    ["=_xldudf_comp_commission(A2, T)", "=COMP.commission(A2, T)"],
    [
      "=MAX(1000,_xldudf_COMP_COMMISSION(A2,$E$2:$F$4))",
      "=MAX(1000,COMP.COMMISSION(A2,$E$2:$F$4))",
    ],
    [
      "=SUM(_xldudf_COMP_DRAW(A1:A3, 5000)) + _xldudf_COMP_GINI (B1:B9)",
      "=SUM(COMP.DRAW(A1:A3, 5000)) + COMP.GINI (B1:B9)",
    ],
    ["=COMP.PAYOUT(1.2,{0.5,0;1,1;1.5,2},20000)", "=COMP.PAYOUT(1.2,{0.5,0;1,1;1.5,2},20000)"],
    ["=_xlfn.STDEV.S(A1:A9)", "=STDEV.S(A1:A9)"],
    ["=_xlfn._xlws.FILTER(A1:A9,B1:B9>0)", "=FILTER(A1:A9,B1:B9>0)"],
    ["=_XLFN.CONCAT(A1,B1)", "=CONCAT(A1,B1)"],
    [
      '="_xldudf_COMP_PAYOUT(" & _xldudf_COMP_GINI(A1:A3)',
      '="_xldudf_COMP_PAYOUT(" & COMP.GINI(A1:A3)',
    ],
    ['="say ""_xlfn.X("" twice"&_xlfn.CONCAT("a")', '="say ""_xlfn.X("" twice"&CONCAT("a")'],
    ["='_xlfn.odd sheet'!A1+_xlfn.DAYS(B1,C1)", "='_xlfn.odd sheet'!A1+DAYS(B1,C1)"],
    ["=A1+my_xlfn.thing", "=A1+my_xlfn.thing"],
    ["=_xldudf_OTHER_THING(A1)", "=_xldudf_OTHER_THING(A1)"],
    ['="unterminated _xlfn.', '="unterminated _xlfn.'],
    ["", ""],
    ["=IF(A1>0,TRUE,FALSE)", "=IF(A1>0,TRUE(),FALSE())"],
    ['=_xldudf_COMP_DRAW(B2:B9,5000,true,"BALANCE")', '=COMP.DRAW(B2:B9,5000,true(),"BALANCE")'],
    ["={TRUE,FALSE;1,0}", "={TRUE(),FALSE();1,0}"],
    ["=TRUE()+FALSE( )", "=TRUE()+FALSE( )"],
    ['="TRUE"&TRUE_RATE&RATE.TRUE&TRUE1', '="TRUE"&TRUE_RATE&RATE.TRUE&TRUE1'],
    ["=TRUE!A1+'FALSE'!B2", "=TRUE!A1+'FALSE'!B2"],
    // Upper-case exponents (Excel shows and saves 1E+05) become lower-case; references stay.
    ["=1E5", "=1e5"],
    ["=2.5E-3*A1E5+.5E+2", "=2.5e-3*A1E5+.5e+2"],
    ['=1E+05+SHEET1E5!A1&"1E5"', '=1e+05+SHEET1E5!A1&"1E5"'],
    ["=E5*1E5", "=E5*1e5"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeFormula(input)).toBe(expected);
  });

  it("uses the namespace it is given", () => {
    expect(normalizeFormula("=_xldudf_ACME_BONUS(A1)+_xldudf_COMP_GINI(A1)", "ACME")).toBe(
      "=ACME.BONUS(A1)+_xldudf_COMP_GINI(A1)"
    );
  });

  it("is idempotent", () => {
    const once = normalizeFormula('=_xlfn.IFS(_xldudf_COMP_CURVE(A1,T)>1,"_xlfn.",TRUE,0)');
    expect(normalizeFormula(once)).toBe(once);
  });
});

describe("mapCode", () => {
  it("rewrites only outside quotes", () => {
    expect(mapCode(`=a&"a"&'a'!a1`, (code) => code.toUpperCase())).toBe(`=A&"a"&'a'!A1`);
  });
});
