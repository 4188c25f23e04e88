// Types of scripts/webkit-driver.mjs for the TypeScript test harness.

export declare const WEBKIT_WEBDRIVER: string;
export declare const MINIBROWSER: string;
export declare const XVFB: string;
export declare function webkitEnv(sinkName?: string): Record<string, string>;
export declare function webkitCapabilities(): {
  browserName: string;
  'wdio:enforceWebDriverClassic': true;
  'webkitgtk:browserOptions': { binary: string; args: string[] };
};
export interface WebKitDriver {
  readonly port: number;
  readonly url: string;
  readonly display: string;
  /** Stops WebKitWebDriver and Xvfb (synchronous, idempotent). */
  stop(): void;
}
export declare function startWebKitDriver(options?: {
  timeoutMs?: number;
  quiet?: boolean;
  /** Added to the browser's environment. */
  env?: Record<string, string>;
}): Promise<WebKitDriver>;
export declare function webkitDriverFromEnv(): { hostname: string; port: number } | null;
