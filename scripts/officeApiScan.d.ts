export interface ScannedApi {
  api: string;
  set: string | null;
  version: string | null;
  files: string[];
}
export function scan(options?: { root?: string; files?: string[] }): {
  apis: ScannedApi[];
  guards: Map<string, { set: string; version: string }[]>;
};
export function compareVersions(a: string, b: string): number;
