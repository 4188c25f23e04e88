// ReactiveBase, the player's base class: Lit's reactive update cycle for what the player uses.
import { expect, fixture, html as litHtml } from '@open-wc/testing';
import { html } from 'lit-html';
import {
  css,
  ReactiveBase,
  type PropertyDeclarations,
  type PropertyValues,
  type ReactiveController,
} from '../../src/element/reactive-base.js';

class TestElement extends ReactiveBase {
  static override styles = css`
    :host {
      display: block;
      color: rgb(1, 2, 3);
    }
  `;
  static override properties: PropertyDeclarations = {
    label: { reflect: true },
    count: { type: Number, reflect: true },
    on: { type: Boolean, reflect: true, attribute: 'is-on' },
    plain: {},
    hidden2: { state: true },
  };

  label: string | null = null;
  count = 0;
  on = false;
  plain: string | null = null;
  hidden2 = 'x';
  renders = 0;
  readonly log: string[] = [];
  readonly changes: PropertyValues[] = [];
  fail = false;
  deriveLabel = false;

  protected override willUpdate(changed: PropertyValues): void {
    this.changes.push(new Map(changed));
    this.log.push('willUpdate');
    if (this.deriveLabel && changed.has('count')) this.label = `count ${this.count}`;
  }

  protected override firstUpdated(): void {
    this.log.push('firstUpdated');
  }

  protected override render() {
    this.renders++;
    if (this.fail) throw new Error('render failed');
    return html`<p>${this.label ?? ''} ${this.count} ${String(this.on)} ${this.hidden2}</p>`;
  }
}
customElements.define('test-reactive-base', TestElement);

class SubElement extends TestElement {
  static override properties: PropertyDeclarations = { extra: { type: Number } };
  extra = 1;
}
customElements.define('test-reactive-sub', SubElement);

async function mount(markup = '<test-reactive-base></test-reactive-base>') {
  const container = await fixture<HTMLDivElement>(litHtml`<div></div>`);
  container.innerHTML = markup;
  const element = container.firstElementChild as TestElement;
  await element.updateComplete;
  return element;
}

const text = (element: TestElement) => element.renderRoot.querySelector('p')?.textContent;

describe('ReactiveBase', () => {
  it('renders once connected, with the styles in its shadow root', async () => {
    const element = await mount();
    expect(text(element)).to.equal(' 0 false x');
    expect(getComputedStyle(element).color).to.equal('rgb(1, 2, 3)');
    expect(element.hasUpdated).to.equal(true);
    expect(element.log).to.deep.equal(['willUpdate', 'firstUpdated']);
  });

  it('does not render before it is in the page', async () => {
    const element = new TestElement();
    element.label = 'a';
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(element.renders).to.equal(0);
    document.body.append(element);
    await element.updateComplete;
    expect(text(element)).to.equal('a 0 false x');
    element.remove();
  });

  it('reads attributes as their declared types', async () => {
    const element = await mount(
      '<test-reactive-base label="hi" count="2.5" is-on plain="p"></test-reactive-base>',
    );
    expect(element.label).to.equal('hi');
    expect(element.count).to.equal(2.5);
    expect(element.on).to.equal(true);
    expect(element.plain).to.equal('p');
    element.removeAttribute('is-on');
    element.removeAttribute('label');
    expect(element.on).to.equal(false);
    expect(element.label).to.equal(null);
    element.setAttribute('count', 'nope');
    expect(Number.isNaN(element.count)).to.equal(true);
  });

  it('reflects declared properties to attributes, and internal state not at all', async () => {
    const element = await mount();
    element.label = 'x';
    element.count = 3;
    element.on = true;
    element.plain = 'not reflected';
    element.hidden2 = 'y';
    await element.updateComplete;
    expect(element.getAttribute('label')).to.equal('x');
    expect(element.getAttribute('count')).to.equal('3');
    expect(element.getAttribute('is-on')).to.equal('');
    expect(element.hasAttribute('plain')).to.equal(false);
    expect(element.hasAttribute('hidden2')).to.equal(false);
    expect(text(element)).to.equal('x 3 true y');
    element.on = false;
    element.label = null;
    await element.updateComplete;
    expect(element.hasAttribute('is-on')).to.equal(false);
    expect(element.hasAttribute('label')).to.equal(false);
    expect(TestElement.observedAttributes).to.deep.equal(['label', 'count', 'is-on', 'plain']);
  });

  it('never rewrites an attribute the page set', async () => {
    const element = await mount(
      '<test-reactive-base count="2.50" is-on="yes"></test-reactive-base>',
    );
    expect(element.count).to.equal(2.5);
    expect(element.on).to.equal(true);
    await element.updateComplete;
    expect(element.getAttribute('count')).to.equal('2.50');
    expect(element.getAttribute('is-on')).to.equal('yes');
  });

  it('changes made in willUpdate join the update they are made in', async () => {
    const element = await mount();
    element.deriveLabel = true;
    element.count = 9;
    await element.updateComplete;
    const renders = element.renders;
    expect(text(element)).to.equal('count 9 9 false x');
    expect(element.getAttribute('label')).to.equal('count 9');
    // Nothing else is pending: the derived change scheduled no second update.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(element.renders).to.equal(renders);
  });

  it('batches changes into one update, telling willUpdate what changed and from what', async () => {
    const element = await mount();
    const renders = element.renders;
    element.label = 'a';
    element.label = 'b';
    element.count = 5;
    await element.updateComplete;
    expect(element.renders).to.equal(renders + 1);
    const changed = element.changes.at(-1)!;
    expect([...changed.entries()]).to.deep.equal([
      ['label', null],
      ['count', 0],
    ]);
  });

  it('a value set to itself (NaN too) is no change', async () => {
    const element = await mount();
    element.count = Number.NaN;
    await element.updateComplete;
    const renders = element.renders;
    element.count = Number.NaN;
    element.label = null;
    await element.updateComplete;
    expect(element.renders).to.equal(renders);
  });

  it('keeps values set before the element was defined', async () => {
    const container = await fixture<HTMLDivElement>(litHtml`<div></div>`);
    container.innerHTML = '<test-reactive-late></test-reactive-late>';
    const early = container.firstElementChild as TestElement;
    (early as unknown as { label: string }).label = 'early';
    class LateElement extends TestElement {}
    customElements.define('test-reactive-late', LateElement);
    await early.updateComplete;
    expect(early).to.be.instanceOf(LateElement);
    expect(early.label).to.equal('early');
    expect(text(early)).to.equal('early 0 false x');
  });

  it('inherits the declarations of its superclass', async () => {
    const element = await mount('<test-reactive-sub count="4" extra="7"></test-reactive-sub>');
    expect(element).to.be.instanceOf(SubElement);
    expect(element.count).to.equal(4);
    expect((element as unknown as { extra: number }).extra).to.equal(7);
  });

  it('calls its controllers with its lifecycle, in order', async () => {
    const element = new TestElement();
    const calls: string[] = [];
    const controller: ReactiveController = {
      hostConnected: () => calls.push('connected'),
      hostUpdate: () => calls.push('update'),
      hostUpdated: () => calls.push('updated'),
      hostDisconnected: () => calls.push('disconnected'),
    };
    element.addController(controller);
    document.body.append(element);
    await element.updateComplete;
    element.remove();
    expect(calls).to.deep.equal(['connected', 'update', 'updated', 'disconnected']);
    // Added while connected: connected at once.
    document.body.append(element);
    const late: string[] = [];
    element.addController({ hostConnected: () => late.push('connected') });
    expect(late).to.deep.equal(['connected']);
    element.remove();
  });

  it('a failed render is reported, and does not stop later updates', async () => {
    const element = await mount();
    const reported: unknown[] = [];
    // The test runner's own handler (window.onerror) would fail the test: listen in its place.
    const runnerHandler = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      reported.push(error);
      return true;
    };
    try {
      element.fail = true;
      element.label = 'boom';
      await element.updateComplete;
      expect(reported.map((error) => (error as Error).message)).to.deep.equal(['render failed']);
      element.fail = false;
      element.label = 'fine';
      await element.updateComplete;
      expect(text(element)).to.equal('fine 0 false x');
    } finally {
      window.onerror = runnerHandler;
    }
  });
});
