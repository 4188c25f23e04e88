// Types of scripts/build/size-by-part.mjs.

export interface PartSize {
  readonly name: string;
  /** The part's bytes, as they are in the file. */
  readonly text: string;
  /** Minified bytes of the part in the file. */
  readonly min: number;
  /** gzip size of those bytes alone (the parts' gzip sizes add up to more than the file's). */
  readonly gzip: number;
}

export declare const PART_ORDER: readonly string[];
export declare function partOfSource(source: string): string;
export declare function gzipSize(source: string | Uint8Array): number;
export declare function sizeByPart(
  code: string,
  map: { readonly mappings: string; readonly sources: readonly (string | null)[] },
  options?: { partOf?: (source: string) => string; styles?: Iterable<string> | RegExp },
): PartSize[];
