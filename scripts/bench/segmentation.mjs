// Figure 4, segmentation (in Node: the work is pure): the throughput of our article → chunks
// pipeline (`chunkRanges` of src/core/segment.ts over every block, as the player does) against
// a bare Intl.Segmenter sentence pass over the same blocks, in the same process, alternating.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateBytes, ONE_MB } from '../generate-articles.mjs';
import { bundleForNode, CACHE, mb, ratio, REPEATS, ROOT, row, summarize } from './lib.mjs';

const TARGET_RATIO = 1.5;

/** The floor: one sentence pass per block, touching each segment. */
function barePass(blocks, lang) {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  let count = 0;
  for (const text of blocks) {
    for (const segment of segmenter.segment(text)) count += segment.index >= 0 ? 1 : 0;
  }
  return count;
}

function ourPass(chunkRanges, blocks, lang) {
  let count = 0;
  for (const text of blocks) count += chunkRanges(text, lang).length;
  return count;
}

function time(fn) {
  // A collection before each pass, so that one pass does not pay for the garbage of the other.
  globalThis.gc?.();
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

/** The measurement, in a process of its own (`--expose-gc`, nothing else running in it). */
async function measure(moduleUrl) {
  const { chunkRanges, sentenceRanges, DEFAULT_MAX_CHUNK_LENGTH } = await import(moduleUrl);
  // Many pairs: a pass takes tens of milliseconds, and other programs on the machine make single
  // pairs vary by 2× or more; the median of 31 pairs moves little from run to run.
  const runs = Math.max(31, REPEATS * 6);
  const results = {};
  for (const lang of ['en', 'ja']) {
    const article = generateBytes(lang, ONE_MB);
    const blocks = article.blocks.map((block) => block.text);
    const chars = blocks.reduce((total, text) => total + text.length, 0);
    // Warm up both (JIT, ICU data, our segmenter cache).
    for (let i = 0; i < 3; i++) {
      ourPass(chunkRanges, blocks, lang);
      barePass(blocks, lang);
    }
    // The sentences longer than the utterance bound: chunkRanges runs a word pass over each.
    const long = [];
    const sentenceSegmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    for (const text of blocks) {
      for (const { segment } of sentenceSegmenter.segment(text)) {
        if (segment.length > DEFAULT_MAX_CHUNK_LENGTH) long.push(segment);
      }
    }
    const wordSegmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    const longWordPass = () => {
      let count = 0;
      for (const text of long)
        for (const word of wordSegmenter.segment(text)) count += word.index >= 0 ? 1 : 0;
      return count;
    };
    const ours = [];
    const bare = [];
    const sentencesOnly = [];
    const longWords = [];
    let chunks = 0;
    let sentences = 0;
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so that neither always runs right after the other.
      const first = i % 2 === 0 ? time(() => ourPass(chunkRanges, blocks, lang)) : null;
      const b = time(() => barePass(blocks, lang));
      const c = first ?? time(() => ourPass(chunkRanges, blocks, lang));
      const s = time(() => blocks.reduce((n, text) => n + sentenceRanges(text, lang).length, 0));
      longWords.push(time(longWordPass).ms);
      ours.push(c.ms);
      bare.push(b.ms);
      sentencesOnly.push(s.ms);
      chunks = c.result;
      sentences = b.result;
    }
    results[lang] = {
      ours,
      bare,
      sentencesOnly,
      longWords,
      longCount: long.length,
      longChars: long.reduce((total, text) => total + text.length, 0),
      chunks,
      sentences,
      chars,
      blocks: blocks.length,
    };
  }
  return results;
}

export async function segmentationSection() {
  const url = await bundleForNode(
    path.join(ROOT, 'src/core/segment.ts'),
    path.join(CACHE, 'segment.mjs'),
  );
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), '--child', url],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
      timeout: 180_000,
    },
  );
  const results = JSON.parse(output);
  const rows = [];
  const details = ['### Segmentation: details', ''];
  for (const lang of ['en', 'ja']) {
    const {
      ours,
      bare,
      sentencesOnly,
      longWords,
      longCount,
      longChars,
      chunks,
      sentences,
      chars,
      blocks,
    } = results[lang];
    const w = summarize(longWords);
    const o = summarize(ours);
    const b = summarize(bare);
    const s = summarize(sentencesOnly);
    const r = summarize(ours.map((value, i) => value / bare[i]));
    const throughput = (msValue) => (ONE_MB / 1e6 / (msValue / 1000)).toFixed(1);
    rows.push(
      row('Segmentation', `${lang}, 1 MB: our chunks pipeline`, `${throughput(o.median)} MB/s`, {
        spread: `${o.median.toFixed(0)} ms per MB (${o.min.toFixed(0)}–${o.max.toFixed(0)}, n=${String(o.n)})`,
      }),
      row(
        'Segmentation',
        `${lang}, 1 MB: bare Intl.Segmenter sentence pass`,
        `${throughput(b.median)} MB/s`,
        {
          spread: `${b.median.toFixed(0)} ms per MB (${b.min.toFixed(0)}–${b.max.toFixed(0)}, n=${String(b.n)})`,
        },
      ),
      row('Segmentation', `${lang}, 1 MB: ratio ours / bare`, ratio(r.median), {
        spread: `${ratio(r.q1)}–${ratio(r.q3)} IQR of the pairs (${ratio(r.min)}–${ratio(r.max)})`,
        target: `≤ ${String(TARGET_RATIO)}×`,
        ok: r.median <= TARGET_RATIO,
      }),
    );
    details.push(
      `- ${lang}: ${mb(ONE_MB)} of UTF-8 (${chars.toLocaleString('en')} UTF-16 code units) in ${String(blocks)} blocks; ` +
        `${sentences.toLocaleString('en')} sentences, ${chunks.toLocaleString('en')} chunks. ` +
        `\`sentenceRanges\` alone (our wrapper, no chunking): ${s.median.toFixed(0)} ms per MB, ${ratio(s.median / b.median)} the bare pass. ` +
        `The ${longCount.toLocaleString('en')} sentences longer than the 200-unit bound (${((longChars / chars) * 100).toFixed(1)}% of the text) get a word pass in \`splitLong\`: a bare word pass over them alone takes ${w.median.toFixed(0)} ms (${ratio(w.median / b.median)} the whole sentence pass).`,
    );
  }
  details.push(
    '',
    'All passes run in a Node process of their own (`--expose-gc`), each after a forced collection; the two passes alternate which goes first; the ratio is the median of the per-pair ratios. The 1 MB texts come from scripts/generate-articles.mjs (fixed seed; about 1 sentence in 20 is longer than the 200-character utterance bound, as in news prose).',
    '',
  );
  return { rows, details };
}

if (
  process.argv[2] === '--child' &&
  import.meta.url === pathToFileURL(process.argv[1] ?? '').href
) {
  process.stdout.write(JSON.stringify(await measure(process.argv[3])));
}
