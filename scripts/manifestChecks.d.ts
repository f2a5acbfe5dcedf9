/** Types for scripts/manifestChecks.js (plain Node so `npm run validate` needs no build). */

export interface XmlAttr {
  local: string;
  uri: string;
  prefix: string;
  value: string;
}

export interface XmlElement {
  name: string;
  local: string;
  uri: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  text: string;
  line: number;
  parent: XmlElement | null;
}

export interface Manifest {
  root: XmlElement;
  manifestDir: string;
  resources: Record<
    "Images" | "Urls" | "ShortStrings" | "LongStrings",
    Map<string, { value: string; el: XmlElement }>
  >;
  duplicates: string[];
}

export interface Check {
  id: string;
  title: string;
  run(manifest: Manifest): string[];
}

export interface CheckResult {
  id: string;
  title: string;
  problems: string[];
}

export const NS: { app: string; bt: string; ov: string; xsi: string };
export const EXPECTED_NAMESPACE: string;
export const REQUIRED_SETS: Record<string, string>;
export const checks: Check[];
export function runChecks(text: string, manifestDir: string): CheckResult[];
export function readManifest(text: string, manifestDir: string): Manifest;
export function parseXml(text: string): XmlElement;
export function readPngSize(buffer: Buffer): { width: number; height: number } | null;
export function customFunctionsNamespace(manifest: Manifest): string | undefined;
export function declaredUrls(manifest: Manifest): [string, string][];
