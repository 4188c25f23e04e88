// Proves the component-test setup: TypeScript, bare imports, Debian's Chromium, axe.
import { expect, fixture, html } from '@open-wc/testing';

describe('component test setup', () => {
  it('renders a native button that passes an accessibility audit', async () => {
    const button = await fixture<HTMLButtonElement>(html`<button type="button">Play</button>`);
    expect(button.textContent).to.equal('Play');
    await expect(button).to.be.accessible();
  });
});
