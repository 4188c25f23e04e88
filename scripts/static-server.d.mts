// Types of scripts/static-server.mjs.

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  /** Serves another directory from now on. */
  deploy(dir: string): void;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Extra response headers for a path (the benchmark's cross-origin isolation). */
  readonly headers?: (pathname: string) => Record<string, string>;
}

export declare function startStaticServer(
  dir: string,
  port?: number,
  options?: StaticServerOptions,
): Promise<StaticServer>;
