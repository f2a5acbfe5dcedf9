/**
 * The write planning every adapter (memory, xlsx, Office.js) shares: which specs a
 * `writeOwnedSheets` call writes, under which names, replacing which sheets, and which table
 * names are already taken. The adapters only carry the plan out on their own workbook.
 */
import { freeSheetName, WorkbookError, type SheetSpec } from "./port";
import { arrangeReport, type ReportLayoutOptions } from "./reportLayout";
import { layoutSheet, type SheetModel } from "./sheetModel";
import { checkSpec, checkTableHeaders, checkTableNamesFree } from "./specRules";

const lower = (name: string) => name.toLowerCase();

/** `createSheet` refuses a name a sheet already has (any case): a user's sheet is never touched. */
export function refuseTakenName(spec: SheetSpec, existing: { name: string } | undefined): void {
  if (existing) {
    throw new WorkbookError(
      "exists",
      `cannot add sheet "${spec.name}": the workbook has a sheet named "${existing.name}"`
    );
  }
}

type TakenNames = readonly { name: string; where: string }[];

/** Refuses sheets whose tables take a name in `taken` (takenTableNames) or one another's. */
export function checkNewTables(sheets: readonly SheetModel[], taken: TakenNames): void {
  checkTableNamesFree(
    sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, name: t.name }))),
    taken
  );
}

/**
 * The sheet a `createSheet` call adds, checked: the spec's rules, a name no sheet has
 * (`existing` is the sheet of that name, any case), distinct header text, free table names.
 */
export function newSheet(
  spec: SheetSpec,
  existing: { name: string } | undefined,
  taken: TakenNames
): SheetModel {
  checkSpec(spec);
  refuseTakenName(spec, existing);
  const sheet = layoutSheet(spec);
  checkTableHeaders(sheet);
  checkNewTables([sheet], taken);
  return sheet;
}

/**
 * The specs of one `writeOwnedSheets` call: each checked, through the layout pass every owned
 * report tab goes through, and checked again; a name given twice (any case) is refused.
 */
export function arrangeOwnedSpecs(given: SheetSpec[], options: ReportLayoutOptions): SheetSpec[] {
  given.forEach(checkSpec);
  const specs = given.map((spec) => arrangeReport(spec, options));
  specs.forEach(checkSpec);
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(lower(spec.name)))
      throw new WorkbookError("exists", `sheet "${spec.name}" is written twice in one call`);
    seen.add(lower(spec.name));
  }
  return specs;
}

/** Where one spec is written: under `name`, replacing `replaces` when CompAlign owns that sheet. */
export interface OwnedWrite<S> {
  spec: SheetSpec;
  name: string;
  replaces: S | undefined;
}

/**
 * Names for the specs of one `writeOwnedSheets` call. A sheet the user owns keeps its name, so a
 * spec of that name gets the next free one ("Pulse Check (2)"); CompAlign's own sheet of the
 * name is replaced and keeps the name (and case) it has.
 */
export function planOwnedWrites<S>(
  specs: readonly SheetSpec[],
  sheets: readonly S[],
  nameOf: (sheet: S) => string,
  isOwned: (sheet: S) => boolean
): OwnedWrite<S>[] {
  const taken = sheets.filter((sheet) => !isOwned(sheet)).map(nameOf);
  return specs.map((spec) => {
    const free = freeSheetName(spec.name, taken);
    taken.push(free);
    const replaces = sheets.find((sheet) => lower(nameOf(sheet)) === lower(free));
    return { spec, name: replaces ? nameOf(replaces) : free, replaces };
  });
}

/** What planOwnedSheets needs of an adapter that holds its sheets in memory (memory, xlsx). */
export interface OwnedSheetsBook<S extends { name: string }> {
  runDate: ReportLayoutOptions["runDate"];
  sheets: readonly S[];
  /** The names of the sheets CompAlign owns (its ownership marks). */
  owned: readonly string[];
  /** Lays out one spec under its planned name. */
  build: (spec: SheetSpec, name: string) => SheetModel;
  /** The names the tables of the `kept` sheets and the defined names take. */
  takenIn: (kept: readonly S[]) => TakenNames;
}

/**
 * The sheets of one `writeOwnedSheets` call: the specs arranged (arrangeOwnedSpecs), planned
 * (planOwnedWrites), laid out by `build`, header text distinct, and table names free among the
 * sheets that stay (a replaced sheet's tables go with it).
 */
export function planOwnedSheets<S extends { name: string }>(
  given: SheetSpec[],
  book: OwnedSheetsBook<S>
): { spec: SheetSpec; sheet: SheetModel; replaces: S | undefined }[] {
  const specs = arrangeOwnedSpecs(given, { runDate: book.runDate });
  const owned = new Set(book.owned.map(lower));
  const plans = planOwnedWrites(
    specs,
    book.sheets,
    (s) => s.name,
    (s) => owned.has(lower(s.name))
  ).map(({ spec, name, replaces }) => {
    const sheet = book.build(spec, name);
    checkTableHeaders(sheet);
    return { spec, sheet, replaces };
  });
  const replaced = new Set(plans.map((p) => p.replaces));
  checkNewTables(
    plans.map((p) => p.sheet),
    book.takenIn(book.sheets.filter((s) => !replaced.has(s)))
  );
  return plans;
}

/** Names a new table may not take: the tables on these sheets and the workbook's defined names. */
export function takenTableNames<S>(
  sheets: readonly S[],
  nameOf: (sheet: S) => string,
  tablesOf: (sheet: S) => readonly string[],
  definedNames: readonly { name: string }[]
): { name: string; where: string }[] {
  return [
    ...sheets.flatMap((sheet) =>
      tablesOf(sheet).map((name) => ({ name, where: `a table on sheet "${nameOf(sheet)}"` }))
    ),
    ...definedNames.map((n) => ({ name: n.name, where: "a defined name" })),
  ];
}
