// Generates the large articles of the benchmarks (`npm run bench`), in English and Japanese, from a
// fixed seed: the same input on every machine and in every run, with nothing downloaded.
//
//   node scripts/generate-articles.mjs [--out DIR]      (default: .cache/bench/articles)
//
// writes, for each language (en, ja):
//   <lang>-10.json, <lang>-1000.json, <lang>-10000.json   a title and that many paragraphs
//   <lang>-1mb.json                                       paragraphs up to 1,000,000 bytes of UTF-8 text
// as the player's article JSON (`{ id, lang, title, blocks: [{ kind, text }] }`, what `src` accepts),
// plus `<name>.html`: the same article as markup (`<article lang>` with `<h1>` and `<p>`s).
//
// The text is made to look like news prose to the segmenters: sentences of 4 to 30 words, some with
// abbreviations, numbers with separators, quotations and questions, and about 1 sentence in 20
// longer than the player's 200-character utterance bound (so that the long-sentence split is
// exercised, in the proportion it has in real articles). Japanese sentences end in 。！？ and use
// 、 and 「」, mixing kanji, hiragana and katakana.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SEED = 20_240_917;
export const PARAGRAPH_COUNTS = [10, 1000, 10_000];
export const LANGUAGES = ['en', 'ja'];
export const ONE_MB = 1_000_000;

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence everywhere. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const between = (rand, min, max) => min + Math.floor(rand() * (max - min + 1));

// ---------------------------------------------------------------------------------------------
// English

const EN_WORDS =
  `the of and to in a is that for it as was with be by on not he this are or his from at
which but have an they you were her she there been one all we their has would when if more no out so
said what up its about into than them can only other new some could time these two may then do first
any my now such like our over man me even most made after also did many before must through back years
where much your way well down should because each just those people how too little state good very make
world still own see men work long get here between both life being under never day same another know
while last might us great old year off come since against go came right used take three states himself
few house use during without again place around however home small found thought went say part once
general high upon school every don does got united left number course war until always away something
fact though water less public put think almost hand enough far took head yet government system better
set told nothing night end why called didn find look going asked later knew point next program city
business give group toward young days let room president side social given present several order national
possible rather second per face among form important often things looked early white case john become
large big need four within felt along children saw best church ever least power development light
thing seemed family interest want members mind country area others done turned although open god service
problem certain kind different thus began door help sense means whole matter perhaps itself york times
law human line above name example action company hands local show five history whether gave either act
feet across past quite taken anything having seen death experience body word half really week field car
words already themselves information tell college shall together money period held keep sure probably
free seems real behind cannot miss political air question making office brought whose special heard
major problems ago became federal moment study available known result street economic boy position
reason change south board individual job areas society west close turn love community true court force
full seem am policy wife future age voice center woman control common necessary following front sometimes
six girl clear further land run students provide feel party able mother music education university
minister border ceasefire region officials talks agreement report council market energy prices summit`
    .split(/\s+/u)
    .filter(Boolean);
const EN_NAMES = [
  'Mr. Japarov',
  'Dr. Rahman',
  'Ms. Okafor',
  'Prof. Lindqvist',
  'the U.N.',
  'St. Petersburg',
];
const EN_NUMBERS = ['1,000', '137,000', '3.5%', '12', '2021', '59', '$4.2 billion', '0.75'];

function enSentence(rand, long) {
  const count = long ? between(rand, 36, 60) : between(rand, 4, 30);
  const words = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.03) words.push(pick(rand, EN_NAMES));
    else if (r < 0.06) words.push(pick(rand, EN_NUMBERS));
    else words.push(pick(rand, EN_WORDS));
    if (i > 2 && i < count - 2 && rand() < 0.08) words[words.length - 1] += ',';
  }
  const first = words[0] ?? 'The';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  let sentence = words.join(' ');
  const end = rand();
  if (end < 0.06) sentence += '?';
  else if (end < 0.08) sentence += '!';
  else sentence += '.';
  if (rand() < 0.07)
    sentence = `“${sentence}” ${pick(rand, ['he said.', 'she said.', 'it said.', 'they added.'])}`;
  return sentence;
}

function enParagraph(rand) {
  const sentences = [];
  for (let i = between(rand, 1, 5); i > 0; i--) sentences.push(enSentence(rand, rand() < 0.05));
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Japanese

const JA_SUBJECTS =
  `政府 首相 外務省 国連 委員会 研究者 市民 住民 記者 大統領 両国 当局 企業 専門家 学生 教師 医師
地方自治体 報道官 代表団 国境警備隊 議会 裁判所 中央銀行 国際機関`.split(/\s+/u);
const JA_OBJECTS =
  `停戦合意 国境問題 経済政策 新しい計画 調査結果 声明 交渉 避難指示 支援物資 予算案 報告書
エネルギー価格 インフラ整備 教育制度 医療体制 安全保障 協力関係 首脳会談 データ 改革案 記者会見 見通し`.split(
    /\s+/u,
  );
const JA_VERBS =
  `発表した 求めた 確認した 示した 強調した 明らかにした 批判した 提案した 支持した 決定した
延期した 合意した 懸念を表明した 呼びかけた 報告した 検討している 進めている 見直す方針だ`.split(
    /\s+/u,
  );
const JA_ADVERBIALS =
  `日曜日に 先週 今年 昨年 午後 記者団に対し 首都で 会見で 声明の中で 国境地帯で 緊急に
改めて 正式に 初めて 事実上 およそ一万人が これまでに 約１３万７千人が 二〇二一年以来`.split(
    /\s+/u,
  );
const JA_CONNECTIVES = `しかし、 また、 一方、 さらに、 これに対し、 そのうえで、 ただ、`.split(
  /\s+/u,
);

function jaClause(rand) {
  const parts = [pick(rand, JA_SUBJECTS), 'は'];
  if (rand() < 0.6) parts.push(pick(rand, JA_ADVERBIALS));
  parts.push(pick(rand, JA_OBJECTS), rand() < 0.5 ? 'を' : 'について');
  if (rand() < 0.3) parts.push(pick(rand, JA_ADVERBIALS));
  parts.push(pick(rand, JA_VERBS));
  return parts.join('');
}

function jaSentence(rand, long) {
  const clauses = long ? between(rand, 8, 12) : between(rand, 1, 3);
  let sentence = rand() < 0.2 ? pick(rand, JA_CONNECTIVES) : '';
  for (let i = 0; i < clauses; i++) {
    let clause = jaClause(rand);
    // Clauses are joined in the "…し、" style of news prose (発表した → 発表し、).
    if (i < clauses - 1) clause = `${clause.replace(/た$/u, '')}、`;
    sentence += clause;
  }
  if (rand() < 0.08) sentence = `「${sentence}」と述べた`;
  const end = rand();
  return sentence + (end < 0.05 ? '？' : end < 0.07 ? '！' : '。');
}

function jaParagraph(rand) {
  let text = '';
  for (let i = between(rand, 1, 4); i > 0; i--) text += jaSentence(rand, rand() < 0.05);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Articles

const GENERATORS = { en: enParagraph, ja: jaParagraph };
const TITLES = {
  en: (n) => `A generated article of ${n} paragraphs`,
  ja: (n) => `${n}段落の生成記事`,
};

function seedOf(lang, name) {
  let hash = SEED;
  for (const char of `${lang}:${name}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  return hash >>> 0;
}

/** An article with a title (a heading) and `paragraphs` paragraphs. */
export function generateArticle(lang, paragraphs) {
  const paragraph = GENERATORS[lang];
  if (!paragraph) throw new Error(`No generator for "${lang}"`);
  const rand = random(seedOf(lang, String(paragraphs)));
  const title = TITLES[lang](paragraphs.toLocaleString('en'));
  const blocks = [{ kind: 'heading', text: title }];
  for (let i = 0; i < paragraphs; i++) blocks.push({ kind: 'paragraph', text: paragraph(rand) });
  return { id: `bench-${lang}-${paragraphs}`, lang, title, blocks };
}

/** An article whose blocks hold `bytes` bytes of UTF-8 text (the last paragraph cut to fit). */
export function generateBytes(lang, bytes = ONE_MB) {
  const paragraph = GENERATORS[lang];
  if (!paragraph) throw new Error(`No generator for "${lang}"`);
  const rand = random(seedOf(lang, `bytes-${bytes}`));
  const blocks = [];
  let total = 0;
  while (total < bytes) {
    let text = paragraph(rand);
    const size = Buffer.byteLength(text);
    if (total + size > bytes) {
      // Cut by code points, never inside a character.
      const chars = [...text];
      while (chars.length > 0 && total + Buffer.byteLength(chars.join('')) > bytes) chars.pop();
      text = chars.join('');
    }
    if (!text) break;
    blocks.push({ kind: 'paragraph', text });
    total += Buffer.byteLength(text);
  }
  const title = lang === 'ja' ? '1MBの生成記事' : 'A generated article of 1 MB';
  return { id: `bench-${lang}-1mb`, lang, title, blocks };
}

const escapeHtml = (text) =>
  text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The article as markup: `<article lang>` with an `<h1>` and a `<p>` per paragraph. */
export function articleHtml(article, { sections = 0 } = {}) {
  const lines = article.blocks.map((block, index) =>
    block.kind === 'heading' && index === 0
      ? `<h1>${escapeHtml(block.text)}</h1>`
      : `<p>${escapeHtml(block.text)}</p>`,
  );
  if (sections > 0) {
    // A publisher's long article in sections (README, "Long articles in sections"): the title, then
    // the paragraphs in <section>s of `sections` each.
    const [title = '', ...paragraphs] = lines;
    const grouped = [title];
    for (let i = 0; i < paragraphs.length; i += sections)
      grouped.push(`<section>\n${paragraphs.slice(i, i + sections).join('\n')}\n</section>`);
    return `<article lang="${article.lang}">\n${grouped.join('\n')}\n</article>`;
  }
  return `<article lang="${article.lang}">\n${lines.join('\n')}\n</article>`;
}

/** `text` as Markdown that renders it verbatim: inline syntax and block markers escaped. */
function markdownText(text) {
  return text
    .replace(/[\\`*_[\]<>&]/gu, (c) => `\\${c}`)
    .replace(/^(#|[-+]|\d+[.)])(?=\s|$)/u, (marker) =>
      marker.replace(/[#\-+.)]$/u, (c) => `\\${c}`),
    );
}

/**
 * The article as a content file (`content/*.md`): its title, a standfirst, and every paragraph in
 * the body. What the app's content pipeline makes of it is what the app serves for such an article.
 */
export function articleMarkdown(article) {
  const [title, ...body] = article.blocks;
  return [
    '---',
    `title: ${JSON.stringify(title?.text ?? article.title)}`,
    `standfirst: ${JSON.stringify(`${String(body.length)} paragraphs, generated for the benchmarks.`)}`,
    `lang: ${article.lang}`,
    '---',
    '',
    ...body.map((block) => `${markdownText(block.text)}\n`),
  ].join('\n');
}

/** Every benchmark article: `{ name, article }`, e.g. `en-10000`, `ja-1mb`. */
export function allArticles() {
  const result = [];
  for (const lang of LANGUAGES) {
    for (const count of PARAGRAPH_COUNTS) {
      result.push({ name: `${lang}-${count}`, article: generateArticle(lang, count) });
    }
    result.push({ name: `${lang}-1mb`, article: generateBytes(lang, ONE_MB) });
  }
  return result;
}

/** Writes every article as `<name>.json` and `<name>.html` into `dir`; returns the names. */
export function writeArticles(dir) {
  mkdirSync(dir, { recursive: true });
  const names = [];
  for (const { name, article } of allArticles()) {
    writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(article));
    writeFileSync(path.join(dir, `${name}.html`), articleHtml(article));
    names.push(name);
  }
  return names;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const at = process.argv.indexOf('--out');
  const out = path.resolve(
    at > 0 ? (process.argv[at + 1] ?? '') : path.join(root, '.cache/bench/articles'),
  );
  const names = writeArticles(out);
  console.log(`Wrote ${String(names.length)} articles (${names.join(', ')}) to ${out}`);
}
