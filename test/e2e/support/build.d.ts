export declare const ROOT: string;
export declare const ARTIFACTS: string;
export declare const DIST: string;
export declare const FAKE_EXCEL: string;
export declare function ensureLib(log?: (line: string) => void): boolean;
export declare function ensureTaskpane(log?: (line: string) => void): boolean;
export declare function ensureFakeExcel(log?: (line: string) => void): Promise<boolean>;
