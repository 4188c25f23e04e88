// <article-player> on someone else's page: its public API (every attribute, method, event and part),
// theming, several players, removal, languages, and bad input. The speech engine is a fake one.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { ArticlePlayer } from '../../src/element/article-player.js';
// As a French publisher would: the embed's controls in French on a French page.
import '../../src/element/translation-fr.js';
import { SPEAKING_EVENT } from '../../src/element/controllers/exclusive-playback-controller.js';
import type { VoiceInfo } from '../../src/core/voices.js';
import { documentedParts } from './manifest.js';
import { driverCan, needsDriver } from './engine.js';
import { ENGLISH_VOICES, FakeSpeechEngine } from '../support/fake-speech-engine.js';

const ARTICLE = `
  <article>
    <h1>The title</h1>
    <p>First paragraph. It has two sentences.</p>
    <p class="ad">Buy our product.</p>
    <p>Second paragraph.</p>
    <p>Third paragraph.</p>
  </article>
`;

const FRENCH_VOICES: VoiceInfo[] = [
  ...ENGLISH_VOICES,
  { name: 'French (France)', lang: 'fr-FR', voiceURI: 'fr-fr', localService: true, default: false },
];

const FIXTURES = '/tests/component/fixtures';

interface MountOptions {
  engine?: FakeSpeechEngine;
  markup?: string;
  attributes?: Record<string, string>;
  /** Where to put the player (default: a fresh div). */
  container?: HTMLElement;
}

async function mount(options: MountOptions = {}) {
  const engine = options.engine ?? new FakeSpeechEngine();
  const player = new ArticlePlayer(engine);
  for (const [name, value] of Object.entries(options.attributes ?? { lang: 'en' })) {
    player.setAttribute(name, value);
  }
  player.innerHTML = options.markup ?? ARTICLE;
  const container = options.container ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  container.append(player);
  await engine.settled(player);
  return { player, engine };
}

function part(player: ArticlePlayer, name: string): HTMLElement {
  const element = player.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!element) throw new Error(`no part ${name}`);
  return element;
}

const playButton = (player: ArticlePlayer) => part(player, 'play') as HTMLButtonElement;
const statusText = (player: ArticlePlayer) => part(player, 'status').textContent.trim();

/** After a change: the update it asked for, and the one a slotchange (a microtask) asks for. */
async function settle(player: ArticlePlayer) {
  await player.updateComplete;
  await player.updateComplete;
}

function until(condition: () => boolean, timeoutMs = 5000, what = 'condition') {
  return waitUntil(condition, `timed out waiting for ${what}`, { timeout: timeoutMs });
}

/** Waits until a `src` load has finished (successfully or not). */
async function loaded(player: ArticlePlayer) {
  await until(() => !statusText(player).startsWith('Loading'), 5000, 'the article to load');
  await settle(player);
}

function style(css: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});

afterEach(async () => {
  if (driverCan('emulateMedia')) await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
});

describe('<article-player> for publishers', () => {
  it('is accessible with two players and a loaded article on the page', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    await mount({ container });
    const { player: second } = await mount({
      container,
      markup: '',
      attributes: { src: `${FIXTURES}/first.json` },
    });
    await loaded(second);
    await expect(container).to.be.accessible();
  });

  describe('attributes', () => {
    it('src: loads a pre-rendered article page or its JSON, text only', async () => {
      const { player, engine } = await mount({
        markup: '',
        attributes: { src: `${FIXTURES}/second.json` },
      });
      await loaded(player);
      expect(player.querySelector('[data-ap-loaded] h1')?.textContent).to.equal(
        'The second article',
      );
      await player.play();
      expect(engine.current?.request.text).to.equal('The second article');
    });

    it('src: changing it while playing stops, loads the new article and is ready to play it', async () => {
      const { player, engine } = await mount({
        markup: '',
        attributes: { src: `${FIXTURES}/first.json` },
      });
      await loaded(player);
      await player.play();
      expect(engine.current?.request.text).to.equal('The first article');
      const cancelsBefore = engine.cancels;
      player.src = `${FIXTURES}/second.json`;
      await player.updateComplete;
      expect(engine.cancels).to.be.greaterThan(cancelsBefore);
      expect(engine.current).to.equal(undefined);
      await loaded(player);
      expect(player.status).to.equal('idle');
      expect(playButton(player).disabled).to.equal(false);
      expect(player.querySelectorAll('[data-ap-loaded]')).to.have.length(1);
      expect(player.querySelector('[data-ap-loaded] h1')?.textContent).to.equal(
        'The second article',
      );
      await player.play();
      expect(engine.current?.request.text).to.equal('The second article');
    });

    it('lang: picks the language and voice to speak in; otherwise the nearest lang in the page', async () => {
      const french = await mount({
        engine: new FakeSpeechEngine(FRENCH_VOICES),
        markup: '<p>Bonjour tout le monde.</p>',
        attributes: { lang: 'fr' },
      });
      await french.player.play();
      expect(french.engine.current?.request.lang).to.equal('fr');
      expect(french.engine.current?.request.voiceURI).to.equal('fr-fr');

      const section = await fixture<HTMLElement>(html`<section lang="fr"></section>`);
      const inherited = await mount({
        engine: new FakeSpeechEngine(FRENCH_VOICES),
        markup: '<p>Bonsoir.</p>',
        attributes: {},
        container: section,
      });
      await inherited.player.play();
      expect(inherited.engine.current?.request.lang).to.equal('fr');
    });

    it('lang: changing it reads the article again in the new language', async () => {
      const { player, engine } = await mount({
        engine: new FakeSpeechEngine(FRENCH_VOICES),
        markup: '<p>Bonjour tout le monde.</p>',
        attributes: { lang: 'en' },
      });
      player.lang = 'fr';
      await settle(player);
      await player.play();
      expect(engine.current?.request.lang).to.equal('fr');
      expect(engine.current?.request.voiceURI).to.equal('fr-fr');
    });

    it('rate: the speaking rate, reflected, clamped to 0.5–3', async () => {
      const { player, engine } = await mount({ attributes: { lang: 'en', rate: '2' } });
      expect(player.rate).to.equal(2);
      await player.play();
      expect(engine.current?.request.rate).to.equal(2);
      player.rate = 0.1;
      await player.updateComplete;
      expect(player.getAttribute('rate')).to.equal('0.1');
      expect(engine.current?.request.rate).to.equal(0.5);
      // The page's own spelling of an attribute is never rewritten.
      player.setAttribute('rate', '1.50');
      await player.updateComplete;
      expect(player.rate).to.equal(1.5);
      expect(player.getAttribute('rate')).to.equal('1.50');
      expect(engine.current?.request.rate).to.equal(1.5);
    });

    it('voice: a voiceURI to use instead of the automatic choice', async () => {
      const { player, engine } = await mount({ attributes: { lang: 'en', voice: 'en-gb' } });
      expect(player.voice).to.equal('en-gb');
      await player.play();
      expect(engine.current?.request.voiceURI).to.equal('en-gb');
    });

    it('no-follow: the page does not scroll to the block being read', async () => {
      const far = `<p>Near.</p><div style="height: 4000px"></div><p id="far">Far away.</p>`;
      for (const noFollow of [false, true]) {
        window.scrollTo(0, 0);
        const { player } = await mount({
          markup: far,
          attributes: noFollow ? { lang: 'en', 'no-follow': '' } : { lang: 'en' },
        });
        expect(player.noFollow).to.equal(noFollow);
        const target = player.querySelector<HTMLElement>('#far')!;
        let scrolled = false;
        target.scrollIntoView = () => {
          scrolled = true;
        };
        await player.seek(1);
        await player.play();
        expect(scrolled, noFollow ? 'with no-follow' : 'without no-follow').to.equal(!noFollow);
        await player.stop();
        player.remove();
      }
    });

    it('no-hotkeys: turns the keyboard shortcuts off, and says so to assistive technology', async () => {
      for (const noHotkeys of [false, true]) {
        const { player } = await mount({
          attributes: noHotkeys ? { lang: 'en', 'no-hotkeys': '' } : { lang: 'en' },
        });
        expect(player.noHotkeys).to.equal(noHotkeys);
        expect(playButton(player).hasAttribute('aria-keyshortcuts')).to.equal(!noHotkeys);
        player.querySelector('p')!.tabIndex = -1;
        player.querySelector<HTMLElement>('p')!.focus();
        await sendKeys({ press: 'k' });
        await player.updateComplete;
        expect(player.status, noHotkeys ? 'with no-hotkeys' : 'without').to.equal(
          noHotkeys ? 'idle' : 'playing',
        );
        await player.stop();
        player.remove();
      }
    });

    it('keys: k plays, shift+arrows move by paragraph; the plain arrows stay the page’s', async () => {
      const { player, engine } = await mount();
      const paragraph = player.querySelector<HTMLElement>('p')!;
      paragraph.tabIndex = -1;
      paragraph.focus();
      await sendKeys({ press: 'k' });
      await player.updateComplete;
      expect(engine.current?.request.text).to.equal('The title');
      await sendKeys({ press: 'Shift+ArrowRight' });
      await player.updateComplete;
      expect(engine.current?.request.text).to.equal('First paragraph. ');
      // The embed does not move by sentence: the arrow is left to the page (to scroll).
      const arrow = new KeyboardEvent('keydown', {
        key: 'ArrowRight',
        bubbles: true,
        cancelable: true,
      });
      paragraph.dispatchEvent(arrow);
      expect(arrow.defaultPrevented).to.equal(false);
      expect(engine.current?.request.text).to.equal('First paragraph. ');
      await player.stop();
    });

    it('skip: a selector for more content not to read; a broken selector is ignored', async () => {
      const { player, engine } = await mount({ attributes: { lang: 'en', skip: '.ad' } });
      await player.play();
      for (let i = 0; i < 10 && engine.current; i++) {
        engine.finishCurrent();
        await player.updateComplete;
      }
      expect(engine.spokenTexts).to.not.include('Buy our product.');
      expect(engine.spokenTexts).to.include('Second paragraph.');

      const broken = await mount({ attributes: { lang: 'en', skip: '][' } });
      await broken.player.play();
      expect(broken.engine.current?.request.text).to.equal('The title');
    });

    it('skip: changing it reads the article again without what it now skips', async () => {
      const { player, engine } = await mount({
        markup: '<h1>Title</h1><p class="ad">An ad.</p><p>Text.</p>',
      });
      await player.seek(1);
      await player.play();
      expect(engine.current?.request.text).to.equal('An ad.');
      player.skip = '.ad';
      await settle(player);
      expect(player.status).to.equal('idle');
      await player.seek(1);
      await player.play();
      expect(engine.current?.request.text).to.equal('Text.');
    });
  });

  describe('methods', () => {
    it('play, pause, next, previous, seek and stop settle in the state they ask for', async () => {
      const { player, engine } = await mount();
      await player.seek(3);
      expect(player.status).to.equal('idle');
      await player.play();
      expect(player.status).to.equal('playing');
      expect(engine.current?.request.text).to.equal('Second paragraph.');
      await player.next();
      expect(engine.current?.request.text).to.equal('Third paragraph.');
      await player.previous();
      expect(engine.current?.request.text).to.equal('Second paragraph.');
      await player.pause();
      expect(player.status).to.equal('paused');
      expect(engine.current).to.equal(undefined);
      await player.stop();
      expect(player.status).to.equal('idle');
      expect(player.querySelector('[data-reading]')).to.equal(null);
      await player.play();
      expect(engine.current?.request.text).to.equal('The title');
    });
  });

  describe('events', () => {
    it('ap-play, ap-paragraph, ap-pause, ap-ended and ap-error bubble out of shadow roots', async () => {
      const outer = await fixture<HTMLDivElement>(html`<div></div>`);
      const shadow = outer.attachShadow({ mode: 'open' });
      const seen: string[] = [];
      for (const type of ['ap-play', 'ap-pause', 'ap-ended', 'ap-paragraph', 'ap-error']) {
        document.addEventListener(type, () => seen.push(`${type}@document`), { once: true });
      }
      const holder = document.createElement('div');
      shadow.append(holder);
      const { player, engine } = await mount({
        container: holder,
        markup: '<p>One.</p><p>Two.</p>',
      });
      await player.play();
      await player.pause();
      await player.play();
      engine.finishCurrent();
      await player.updateComplete;
      engine.finishCurrent();
      await player.updateComplete;
      expect(player.status).to.equal('ended');
      await player.play();
      engine.failCurrent('synthesis-failed');
      await player.updateComplete;
      expect(seen).to.have.members([
        'ap-play@document',
        'ap-paragraph@document',
        'ap-pause@document',
        'ap-ended@document',
        'ap-error@document',
      ]);
    });

    it('fires nothing when the owner only sets properties', async () => {
      const { player } = await mount();
      const fired: string[] = [];
      for (const type of ['ap-play', 'ap-pause', 'ap-ended', 'ap-paragraph', 'ap-error']) {
        player.addEventListener(type, () => fired.push(type));
      }
      player.rate = 1.5;
      player.voice = 'en-gb';
      player.noFollow = true;
      await player.updateComplete;
      expect(fired).to.deep.equal([]);
    });
  });

  describe('parts', () => {
    it('every part in custom-elements.json exists, and every part in the shadow DOM is documented', async () => {
      const documented = (await documentedParts('ArticlePlayer')).sort();
      const { player } = await mount({ attributes: { lang: 'en' } });
      const present = new Set<string>();
      for (const element of player.shadowRoot!.querySelectorAll('[part]')) {
        for (const name of element.getAttribute('part')!.split(/\s+/)) present.add(name);
      }
      expect([...present].sort()).to.deep.equal(documented);
    });

    it('is the small player: paragraph buttons, play, speed and status; the extras are in the full one', async () => {
      const { player } = await mount();
      const parts = [...player.shadowRoot!.querySelectorAll('[part]')].map((e) =>
        e.getAttribute('part'),
      );
      expect(parts).to.deep.equal([
        'bar',
        'button previous',
        'button play',
        'button next',
        'speed',
        'status',
      ]);
      expect(player.shadowRoot!.querySelector('dialog')).to.equal(null);
    });

    it('::part styles every control and the bar from the page', async () => {
      const { player } = await mount();
      const remove = style(`
        article-player::part(bar) { outline: 3px solid rgb(1, 2, 3); }
        article-player::part(button) { outline: 3px solid rgb(4, 5, 6); }
        article-player::part(play) { outline: 3px solid rgb(7, 8, 9); }
        article-player::part(speed) { outline: 3px solid rgb(10, 11, 12); }
        article-player::part(status) { outline: 3px solid rgb(13, 14, 15); }
      `);
      try {
        const outline = (name: string) => getComputedStyle(part(player, name)).outlineColor;
        expect(outline('bar')).to.equal('rgb(1, 2, 3)');
        expect(outline('next')).to.equal('rgb(4, 5, 6)');
        expect(outline('play')).to.equal('rgb(7, 8, 9)');
        expect(outline('speed')).to.equal('rgb(10, 11, 12)');
        expect(outline('status')).to.equal('rgb(13, 14, 15)');
      } finally {
        remove();
      }
    });
  });

  describe('theming', () => {
    it('custom properties set the colours, radius and font of the controls and the highlight', async () => {
      const { player } = await mount();
      const before = getComputedStyle(playButton(player)).backgroundColor;
      player.style.setProperty('--ap-accent', 'rgb(10, 20, 30)');
      player.style.setProperty('--ap-on-accent', 'rgb(250, 240, 230)');
      player.style.setProperty('--ap-bar-background', 'rgb(40, 50, 60)');
      player.style.setProperty('--ap-bar-color', 'rgb(200, 210, 220)');
      player.style.setProperty('--ap-radius', '7px');
      player.style.setProperty('--ap-font', 'italic 20px/1.5 monospace');
      player.style.setProperty('--ap-paragraph-background', 'rgb(70, 80, 90)');
      player.style.setProperty('--ap-paragraph-color', 'rgb(100, 110, 120)');
      await player.seek(1);
      await player.play();
      const play = getComputedStyle(playButton(player));
      const bar = getComputedStyle(part(player, 'bar'));
      expect(before).to.not.equal('rgb(10, 20, 30)');
      expect(play.backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(play.color).to.equal('rgb(250, 240, 230)');
      expect(play.borderTopLeftRadius).to.equal('7px');
      expect(bar.backgroundColor).to.equal('rgb(40, 50, 60)');
      expect(bar.color).to.equal('rgb(200, 210, 220)');
      expect(bar.fontStyle).to.equal('italic');
      expect(bar.fontFamily).to.equal('monospace');
      const reading = getComputedStyle(player.querySelector('[data-reading]')!);
      expect(reading.backgroundColor).to.equal('rgb(70, 80, 90)');
      expect(reading.color).to.equal('rgb(100, 110, 120)');
    });

    it('follows the page’s color-scheme, and the reader’s preference where the page allows both', async () => {
      needsDriver('emulateMedia');
      const accent = async (scheme: string) => {
        const container = await fixture<HTMLDivElement>(
          html`<div style="color-scheme: ${scheme}"></div>`,
        );
        const { player } = await mount({ container });
        return getComputedStyle(playButton(player)).backgroundColor;
      };
      const light = 'rgb(11, 87, 208)';
      const dark = 'rgb(168, 199, 250)';
      expect(await accent('light')).to.equal(light);
      expect(await accent('dark')).to.equal(dark);
      expect(await accent('light dark')).to.equal(light);
      await emulateMedia({ colorScheme: 'dark' });
      expect(await accent('light dark')).to.equal(dark);
      expect(await accent('light')).to.equal(light);
    });

    it('uses the system colours in forced-colours mode, whatever the theme says', async () => {
      needsDriver('emulateMedia');
      const { player } = await mount();
      player.style.setProperty('--ap-accent', 'rgb(255, 0, 0)');
      await player.seek(1);
      await player.play();
      expect(getComputedStyle(playButton(player)).backgroundColor).to.equal('rgb(255, 0, 0)');
      await emulateMedia({ forcedColors: 'active' });
      expect(getComputedStyle(playButton(player)).backgroundColor).to.not.equal('rgb(255, 0, 0)');
      const reading = getComputedStyle(player.querySelector('[data-reading]')!);
      const mark = document.createElement('mark');
      document.body.append(mark);
      expect(reading.backgroundColor).to.equal(getComputedStyle(mark).backgroundColor);
      mark.remove();
    });

    it('its sticky bar never hides the focused element (a link scrolled under it)', async () => {
      const paragraphs = Array.from(
        { length: 60 },
        (_, i) => `<p>Paragraph ${i + 1} with <a href="#p${i}">a link</a> in it.</p>`,
      ).join('');
      const { player } = await mount({ markup: `<article>${paragraphs}</article>` });
      const bar = part(player, 'bar');
      const link = player.querySelectorAll('a')[30]!;
      player.querySelectorAll('a')[29]!.focus({ preventScroll: true });
      // Scroll so that the next link sits right under the sticky bar.
      window.scrollBy(0, link.getBoundingClientRect().top - 10);
      expect(bar.getBoundingClientRect().bottom).to.be.greaterThan(
        link.getBoundingClientRect().bottom,
      );
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(link);
      expect(link.getBoundingClientRect().top).to.be.at.least(bar.getBoundingClientRect().bottom);
      await player.stop();
    });
  });

  describe('several players on one page', () => {
    it('starting one pauses the others before it speaks (one speech queue per browser)', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const order: string[] = [];
      const logged = (name: string) => {
        const engine = new FakeSpeechEngine();
        const { speak, cancel } = engine;
        engine.speak = (...args) => {
          order.push(`${name}.speak`);
          speak.apply(engine, args);
        };
        engine.cancel = () => {
          order.push(`${name}.cancel`);
          cancel.apply(engine);
        };
        return engine;
      };
      const a = await mount({ container, engine: logged('A') });
      const b = await mount({
        container,
        engine: logged('B'),
        markup: '<p>The other article.</p>',
      });
      await a.player.play();
      const paused = oneEvent(a.player, 'ap-pause');
      order.length = 0;
      await b.player.play();
      await paused;
      expect(a.player.status).to.equal('paused');
      expect(b.player.status).to.equal('playing');
      expect(a.engine.current).to.equal(undefined);
      expect(b.engine.current?.request.text).to.equal('The other article.');
      expect(order).to.deep.equal(['A.cancel', 'B.speak']);
      // And back: A resumes, B pauses.
      await a.player.play();
      expect(b.player.status).to.equal('paused');
      expect(a.player.status).to.equal('playing');
    });
    it('on a phone, the embed keeps each bar with its article, never fixed over the page', async () => {
      needsDriver('setViewport');
      await setViewport({ width: 390, height: 844 });
      try {
        const container = await fixture<HTMLDivElement>(html`<div></div>`);
        const a = await mount({ container });
        const b = await mount({ container, markup: '<p>The other article.</p>' });
        const positions = () =>
          [a, b].map(({ player }) => getComputedStyle(part(player, 'bar')).position);
        expect(positions()).to.deep.equal(['sticky', 'sticky']);
        await b.player.play();
        expect(positions()).to.deep.equal(['sticky', 'sticky']);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('removal', () => {
    it('removing it while it speaks stops the speech and releases what it held', async () => {
      const { player, engine } = await mount();
      await player.seek(1);
      await player.play();
      expect(engine.current).to.not.equal(undefined);
      player.remove();
      expect(engine.current).to.equal(undefined);
      expect(engine.cancels).to.be.greaterThan(0);
      expect(player.status).to.equal('idle');
      expect(player.querySelector('[data-reading]')).to.equal(null);
      // No longer listening to the page: another player starting, or keys, do nothing to it.
      const spoken = engine.spoken.length;
      window.dispatchEvent(new CustomEvent(SPEAKING_EVENT, { detail: {} }));
      document.body.focus();
      await sendKeys({ press: 'k' });
      expect(engine.spoken.length).to.equal(spoken);
      expect(player.status).to.equal('idle');
    });
  });

  describe('languages', () => {
    it('speaks the page’s language in its controls: French on a French page', async () => {
      document.documentElement.lang = 'fr';
      const { player } = await mount({ markup: '<img alt="">', attributes: { lang: 'en' } });
      expect(playButton(player).textContent.trim()).to.equal('Lire');
      expect(part(player, 'bar').getAttribute('aria-label')).to.equal('Écouter cet article');
      expect(statusText(player)).to.equal('Il n’y a ici aucun texte à lire à voix haute.');
      document.documentElement.lang = 'en-GB';
      player.requestUpdate();
      await player.updateComplete;
      expect(playButton(player).textContent.trim()).to.equal('Play');
    });

    it('names a missing voice’s language in the page’s language', async () => {
      document.documentElement.lang = 'fr';
      const { player } = await mount({
        markup: '<p lang="de">Guten Tag.</p>',
        attributes: { lang: 'de' },
      });
      expect(statusText(player)).to.contain('Aucune voix en allemand');
    });
  });

  describe('bad input', () => {
    it('an empty element says there is nothing to read, and Play is off', async () => {
      const { player } = await mount({ markup: '' });
      expect(statusText(player)).to.equal('There is no text here to read aloud.');
      expect(playButton(player).disabled).to.equal(true);
    });

    it('reads children added once it is on the page (a page still streaming in)', async () => {
      const { player, engine } = await mount({ markup: '<p>First.</p>' });
      const later = document.createElement('p');
      later.textContent = 'Added later.';
      player.append(later);
      await settle(player);
      await player.seek(1);
      await player.play();
      expect(engine.current?.request.text).to.equal('Added later.');
    });

    it('an article made only of images says there is nothing to read', async () => {
      const { player } = await mount({
        markup:
          '<article><img alt="A chart" src="data:,"><figure><img alt="" src="data:,"><figcaption>Caption</figcaption></figure></article>',
      });
      // Read 5 ms at a time: on a busy machine the first slice may not reach the article's end
      // (seen once in WebKit, with every engine's tests running).
      await until(() => statusText(player) !== '', 5000, 'the article read to its end');
      expect(statusText(player)).to.equal('There is no text here to read aloud.');
      expect(playButton(player).disabled).to.equal(true);
    });

    it('a src that is missing, not an article, or unreachable gets a clear message and ap-error', async () => {
      const cases: [string, string][] = [
        [`${FIXTURES}/missing.json`, 'The article could not be loaded (HTTP 404).'],
        [
          `${FIXTURES}/not-an-article.json`,
          'The address given does not contain an article to read.',
        ],
        [
          `${FIXTURES}/not-an-article.html`,
          'The address given does not contain an article to read.',
        ],
        // Nothing listens there: like another origin that does not allow it, fetch fails.
        [
          'http://127.0.0.1:9/article.json',
          'The article could not be loaded (network error or not allowed from this site).',
        ],
      ];
      for (const [src, message] of cases) {
        const { player } = await mount({ markup: '' });
        const error = oneEvent(player, 'ap-error');
        player.src = src;
        const event = (await error) as CustomEvent<{ code: string; message: string }>;
        expect(event.detail.code, src).to.equal('load-failed');
        await player.updateComplete;
        expect(statusText(player), src).to.equal(message);
        expect(playButton(player).disabled).to.equal(true);
        player.remove();
      }
    });

    it('hostile HTML inside it is read as text, and nothing in it runs because of the player', async () => {
      const markup = `
        <h1>Title <script>window.__hostile = 'script'</script></h1>
        <p>Hello <b onclick="window.__hostile = 'click'">bold</b> &lt;img src=x onerror=alert(1)&gt; world.</p>
        <p><a href="javascript:window.__hostile = 'link'">A link</a> in text.</p>`;
      const { player, engine } = await mount({ markup });
      player.querySelectorAll('p')[1]!.click();
      await player.updateComplete;
      expect(player.status).to.equal('playing');
      expect((window as { __hostile?: string }).__hostile).to.equal(undefined);
      engine.cancel();
      await player.seek(0);
      await player.play();
      expect(engine.current?.request.text).to.equal('Title');
      engine.finishCurrent();
      await player.updateComplete;
      expect(engine.current?.request.text).to.equal(
        'Hello bold <img src=x onerror=alert(1)> world.',
      );
    });

    it('a hostile article page given as src is read as text only: none of its scripts or handlers run', async () => {
      const { player, engine } = await mount({
        markup: '',
        attributes: { lang: 'en', src: `${FIXTURES}/hostile.html` },
      });
      await loaded(player);
      // A control image that fails as the hostile page's would: once its error handler has run,
      // any handler of the hostile page's would have run too.
      const control = new Image();
      const failed = new Promise((resolve) => control.addEventListener('error', resolve));
      control.src = `${FIXTURES}/missing.png`;
      await failed;
      const pwned = Object.keys(window).filter((key) => key.startsWith('__pwned'));
      expect(pwned).to.deep.equal([]);
      expect(
        player.querySelector(
          '[data-ap-loaded] script, [data-ap-loaded] img, [data-ap-loaded] a, [data-ap-loaded] iframe',
        ),
      ).to.equal(null);
      const texts = [...player.querySelectorAll('[data-ap-loaded] h1, [data-ap-loaded] p')].map(
        (e) => e.textContent,
      );
      expect(texts).to.deep.equal([
        'A hostile page',
        'Text with an image that fails.',
        'A link and <b>escaped markup</b>.',
      ]);
      await player.play();
      expect(engine.current?.request.text).to.equal('A hostile page');
    });

    it('a 1 MB paragraph with no punctuation is read in utterance-sized pieces, and the page keeps working', async () => {
      const words = ['reading', 'aloud', 'without', 'any', 'stop', 'at', 'all'];
      let text = '';
      for (let i = 0; text.length < 1_000_000; i++) text += `${words[i % words.length]!} `;
      text = text.trim();
      const started = performance.now();
      const { player, engine } = await mount({ markup: `<p>${text}</p><p>After it.</p>` });
      const ready = performance.now() - started;
      const playStarted = performance.now();
      await player.play();
      const firstSpeak = performance.now() - playStarted;
      console.info(
        `1 MB paragraph: ready in ${ready.toFixed(0)} ms; first speak after ${firstSpeak.toFixed(0)} ms`,
      );
      const pieces: string[] = [];
      for (let i = 0; i < 5; i++) {
        const spoken = engine.current!.request.text;
        expect(spoken.length).to.be.within(1, 200);
        pieces.push(spoken);
        engine.finishCurrent();
        await player.updateComplete;
      }
      expect(text.startsWith(pieces.join(''))).to.equal(true);
      expect(pieces.every((piece) => piece.endsWith(' '))).to.equal(true);
      await player.next();
      expect(engine.current?.request.text).to.equal('After it.');
    });

    it('5,000 paragraphs: gets ready, and reads any of them', async () => {
      const markup = Array.from(
        { length: 5000 },
        (_, i) => `<p>Paragraph ${i + 1} of the long article. It has two sentences.</p>`,
      ).join('');
      const engine = new FakeSpeechEngine();
      const player = new ArticlePlayer(engine);
      player.lang = 'en';
      player.innerHTML = markup;
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const started = performance.now();
      container.append(player); // connectedCallback
      await until(
        () => {
          const button = player.shadowRoot?.querySelector<HTMLButtonElement>('[part~="play"]');
          return Boolean(button && !button.disabled);
        },
        10_000,
        'the player to be ready',
      );
      const readyMs = performance.now() - started;
      console.log(`5,000 paragraphs: connectedCallback → ready in ${readyMs.toFixed(0)} ms`);
      const last = player.querySelectorAll('p')[4999]!;
      last.click();
      await player.updateComplete;
      expect(engine.current?.request.text).to.equal('Paragraph 5000 of the long article. ');
      expect(last.hasAttribute('data-reading')).to.equal(true);
    });
  });
});
