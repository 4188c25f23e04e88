import { expect } from '@open-wc/testing';
import { HIGHLIGHT_PAGE_CSS } from '../../src/element/controllers/highlight-controller.js';
import { PAGE_STYLES_ATTRIBUTE } from '../../src/element/page-styles.js';
import { mountPlayer } from './mount-player.js';

const ARTICLE = '<p>One paragraph to read.</p>';

/** The player's page styles, put into the document as a constructed sheet (by the element). */
const adopted = () =>
  document.adoptedStyleSheets.filter((sheet) =>
    [...sheet.cssRules].some((rule) => rule.cssText.includes('highlight(ap-word)')),
  );

describe('the player’s page styles', () => {
  afterEach(() => {
    document.adoptedStyleSheets = [];
    document.querySelector(`style[${PAGE_STYLES_ATTRIBUTE}]`)?.remove();
  });

  it('are put into the page when the player starts', async () => {
    document.adoptedStyleSheets = [];
    await mountPlayer({ markup: ARTICLE });
    expect(adopted()).to.have.length(1);
  });

  it('are not added again where the page already has them (a pre-rendered page)', async () => {
    document.adoptedStyleSheets = [];
    const style = document.createElement('style');
    style.setAttribute(PAGE_STYLES_ATTRIBUTE, 'highlight dock');
    style.textContent = HIGHLIGHT_PAGE_CSS;
    document.head.append(style);
    await mountPlayer({ markup: ARTICLE });
    expect(adopted()).to.have.length(0);
    // The page's own copy styles the highlights.
    expect([...(style.sheet?.cssRules ?? [])].some((r) => r.cssText.includes('ap-word'))).to.equal(
      true,
    );
  });
});
