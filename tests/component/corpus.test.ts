// Issue 14: real-world markup is read as written. For every page of the corpus
// (tests/fixtures/corpus), both ways an article reaches the player — the embed (the article's
// markup inside <article-player>, spoken through to the end) and the paste (the page's HTML
// through /listen/'s import: size checks, Readability, DOMPurify, the reading model) — must read
// at least 99 % of the article's words in order, and nothing twice. The figures go to
// .cache/bench/reading.json for `npm run bench -- --only=reading`.
import { expect, waitUntil } from '@open-wc/testing';
import { writeFile } from '@web/test-runner-commands';
import { importPastedHtml } from '../../src/app/html-import.js';
import type { VoiceInfo } from '../../src/core/voices.js';
import { loadCorpus, type CorpusPage } from '../fixtures/corpus/corpus.js';
import { measureReading, type ReadingFigures } from '../fixtures/corpus/measure.js';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { mountPlayer } from './mount-player.js';

const pages = await loadCorpus();
const MIN_COVERAGE = 0.99;
const HIDDEN_ONLY = new Set(['hidden-text', 'story-hidden-index']);

function voicesFor(lang: string): VoiceInfo[] {
  return [{ name: lang, lang, voiceURI: lang, localService: true, default: true }];
}

/** The embed: the article element of the page, with the page's style sheets, spoken to the end. */
async function readByEmbed(page: CorpusPage): Promise<string[]> {
  const doc = new DOMParser().parseFromString(page.html, 'text/html');
  const article = doc.querySelector(page.article);
  if (!article) throw new Error(`${page.name}: no ${page.article}`);
  const styles = [...doc.querySelectorAll('head style')].map((style) => {
    const copy = document.createElement('style');
    copy.textContent = style.textContent;
    document.head.append(copy);
    return copy;
  });
  try {
    const engine = new FakeSpeechEngine(voicesFor(page.lang));
    const { player } = await mountPlayer({ engine, markup: article.outerHTML, lang: page.lang });
    await player.play();
    while (player.status !== 'ended') {
      await waitUntil(() => engine.current !== undefined || player.status === 'ended', 'stalled');
      if (engine.current) {
        engine.current.handlers.onStart?.();
        engine.finishCurrent();
      }
    }
    return engine.spokenTexts;
  } finally {
    for (const style of styles) style.remove();
  }
}

/** The paste: what /listen/ keeps of the page's HTML, its title (read first) and its blocks. */
function readByPaste(page: CorpusPage): string[] {
  const result = importPastedHtml(page.html);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return [result.value.title ?? '', ...result.value.blocks.map((block) => block.text)];
}

const figures: Record<
  string,
  { embed?: ReadingFigures; paste?: ReadingFigures; htmlCharacters: number }
> = {};

function check(name: string, path: 'embed' | 'paste', result: ReadingFigures): void {
  (figures[name] ??= { htmlCharacters: 0 })[path] = result;
  const detail = `${name} (${path}): ${JSON.stringify(result)}`;
  expect(result.coverage, detail).to.be.at.least(MIN_COVERAGE);
  expect(result.twice, detail).to.equal(0);
  // Pages whose only other text is hidden: nothing else may be read.
  if (HIDDEN_ONLY.has(name)) expect(result.extra, detail).to.equal(0);
}

describe('the reading corpus: every word once, in order, whatever the markup', () => {
  it('has a page of over 1 MB of HTML whose article is under the text limit', () => {
    const long = pages.find((page) => page.name === 'long-page')!;
    expect(long.html.length).to.be.above(1_000_000);
  });

  for (const page of pages) {
    it(`reads ${page.name} (${page.description}) by the embed`, async () => {
      figures[page.name] = { ...figures[page.name], htmlCharacters: page.html.length };
      check(page.name, 'embed', measureReading(page.expected, await readByEmbed(page), page.lang));
    });

    it(`reads ${page.name} (${page.description}) by the paste`, () => {
      check(page.name, 'paste', measureReading(page.expected, readByPaste(page), page.lang));
    });
  }

  after(async () => {
    await writeFile({
      path: '../../.cache/bench/reading.json',
      content: JSON.stringify({ date: new Date().toISOString(), pages: figures }, null, 2),
    });
  });
});
