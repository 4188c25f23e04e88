// Accessibility audits with axe-core (it scans inside open shadow roots too).
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeOptions {
  /** CSS selectors to audit (default: the whole page). */
  include?: string | string[];
  /** CSS selectors to leave out. */
  exclude?: string | string[];
  /** Only rules with these tags, e.g. ['wcag2a', 'wcag2aa', 'wcag21aa']. Default: every rule axe enables by default. */
  tags?: string[];
  /** Rule ids to turn off, each with a reason in the calling test. */
  disableRules?: string[];
  /**
   * Also audit cross-origin iframes. That mode opens a second, blank page in the context for
   * each scan (about 1.5 to 3 s instead of 0.6 s); the default runs axe in the page only,
   * which still covers same-origin frames and every open shadow root.
   */
  crossOriginFrames?: boolean;
}

/** Runs axe on the page and returns the full results. */
export async function axeScan(page: Page, options: AxeOptions = {}): Promise<AxeResults> {
  let builder = new AxeBuilder({ page }).setLegacyMode(!options.crossOriginFrames);
  for (const selector of [options.include ?? []].flat()) builder = builder.include(selector);
  for (const selector of [options.exclude ?? []].flat()) builder = builder.exclude(selector);
  if (options.tags) builder = builder.withTags(options.tags);
  if (options.disableRules) builder = builder.disableRules(options.disableRules);
  return builder.analyze();
}

/** One readable line per failing node: `rule-id (impact): help — target`. */
export function formatViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${JSON.stringify(node.target)}\n` +
          `    ${node.failureSummary?.replaceAll('\n', '\n    ') ?? ''}`,
      ),
    )
    .join('\n');
}

/**
 * Fails (throws) if axe finds any violation, listing each with its target.
 * Returns the results for further checks.
 *
 * ```ts
 * await expectNoAxeViolations(page);                          // whole page
 * await expectNoAxeViolations(page, { include: 'article-player' });
 * ```
 */
export async function expectNoAxeViolations(
  page: Page,
  options: AxeOptions = {},
): Promise<AxeResults> {
  const results = await axeScan(page, options);
  if (results.violations.length > 0) {
    throw new Error(
      `axe found ${String(results.violations.length)} accessibility violation(s) on ${page.url()}:\n` +
        formatViolations(results.violations),
    );
  }
  return results;
}
