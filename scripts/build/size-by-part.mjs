// The bytes of a minified bundle, split by where they come from (through its source map): used
// by the embed build's size report (scripts/build/vite-plugin-embed.ts) and by the benchmark
// (scripts/bench/size.mjs). The source map is read with @jridgewell/sourcemap-codec.
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

/** The parts, in the order they are reported. */
export const PART_ORDER = ['lit', 'core', 'speech', 'element', 'styles', 'other'];

/** The part a source file belongs to (a path or URL of the source map's `sources`). */
export function partOfSource(source) {
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//u.test(source)) return 'lit';
  if (source.includes('src/core/')) return 'core';
  if (source.includes('src/speech/')) return 'speech';
  if (source.includes('src/element/')) return 'element';
  return 'other';
}

export function gzipSize(source) {
  return gzipSync(source, { level: 9 }).length;
}

/**
 * Splits `code` by the source of each byte: each mapping segment runs to the next one, across
 * line ends (a template literal keeps its new lines). Style sheets count as `styles` wherever
 * they are: `styles` is either their texts as the bundle holds them, or a pattern that finds
 * one in a segment. Bytes that map to nothing (the bundler's own glue) count as `other`.
 */
export function sizeByPart(code, map, { partOf = partOfSource, styles = [] } = {}) {
  const isStyle = new Uint8Array(code.length);
  const texts = styles instanceof RegExp ? [] : styles;
  for (const text of texts) {
    if (text.length < 16) continue;
    for (let at = code.indexOf(text); at >= 0; at = code.indexOf(text, at + text.length)) {
      isStyle.fill(1, at, at + text.length);
    }
  }
  const lineStarts = [0];
  for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1)) {
    lineStarts.push(at + 1);
  }
  const marks = [];
  decode(map.mappings).forEach((segments, line) => {
    for (const segment of segments) {
      marks.push({
        offset: (lineStarts[line] ?? code.length) + segment[0],
        part: segment.length >= 4 ? partOf(map.sources[segment[1]] ?? '') : 'other',
      });
    }
  });
  marks.sort((a, b) => a.offset - b.offset);
  if (styles instanceof RegExp) {
    marks.forEach((mark, index) => {
      if (mark.part === 'lit') return;
      const end = marks[index + 1]?.offset ?? code.length;
      const found = styles.exec(code.slice(mark.offset, end));
      if (found) {
        const at = mark.offset + found.index;
        isStyle.fill(1, at, at + found[0].length);
      }
    });
  }
  const parts = new Map();
  const add = (part, from, to) => {
    for (let at = from; at < to;) {
      const style = isStyle[at] === 1;
      let end = at;
      while (end < to && (isStyle[end] === 1) === style) end++;
      const key = style ? 'styles' : part;
      parts.set(key, (parts.get(key) ?? '') + code.slice(at, end));
      at = end;
    }
  };
  let previous = { offset: 0, part: 'other' };
  for (const mark of marks) {
    add(previous.part, previous.offset, mark.offset);
    previous = mark;
  }
  add(previous.part, previous.offset, code.length);
  return PART_ORDER.filter((name) => parts.has(name)).map((name) => {
    const text = parts.get(name);
    return { name, text, min: Buffer.byteLength(text), gzip: gzipSize(text) };
  });
}
