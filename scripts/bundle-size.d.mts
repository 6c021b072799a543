/** The gzip level budgets are counted at. */
export declare const GZIP_LEVEL: 9;
/** Bytes in a KB, as budgets count them. */
export declare const KB: 1000;
/** A file's raw, gzip (level 9) and brotli (quality 11) sizes in bytes. */
export declare function measure(code: string | Uint8Array): { raw: number; gzip: number; brotli: number };
/** Bytes as KB with two decimals, e.g. `11.80 KB`. */
export declare function kb(bytes: number): string;
/** The relative files an ES module imports, statically and dynamically. */
export declare function importsOf(code: string): { static: string[]; dynamic: string[] };
