// The Up next figure of the benchmark (scripts/bench/queue.mjs): which silences of a speech log
// it counts between two articles, and which it counts as the floor within one.
import { describe, expect, it } from 'vitest';
import { silences } from '../../scripts/bench/queue.mjs';

const entry = (type: string, time: number, text = '') => ({ type, time, text });

describe('the silences of an Up next speech log', () => {
  it('splits the gap between articles at the announcement, and counts each gap in the first', () => {
    const log = [
      entry('speak', 0, 'First.'),
      entry('start', 10, 'First.'),
      entry('boundary', 50, 'First.'),
      entry('end', 100, 'First.'),
      entry('speak', 101, 'Last sentence.'),
      entry('start', 160, 'Last sentence.'),
      entry('end', 300, 'Last sentence.'),
      entry('speak', 301, 'Next: B.'),
      entry('start', 370, 'Next: B.'),
      entry('end', 900, 'Next: B.'),
      entry('speak', 901, 'B'),
      entry('start', 980, 'B'),
    ];
    expect(silences(log, 'Next: B.', 'B')).toEqual({
      toAnnouncement: 70,
      toArticle: 80,
      within: [60],
    });
  });

  it('leaves out of the floor a start that follows a cancel or an error, not an end', () => {
    const log = [
      entry('start', 0, 'One.'),
      entry('end', 100, 'One.'),
      entry('call:cancel', 120),
      entry('start', 200, 'Two.'),
      entry('error', 250, 'Two.'),
      entry('start', 400, 'Two.'),
      entry('end', 500, 'Two.'),
      entry('start', 540, 'Next: B.'),
      entry('end', 700, 'Next: B.'),
      entry('start', 750, 'B'),
    ];
    expect(silences(log, 'Next: B.', 'B')).toEqual({
      toAnnouncement: 40,
      toArticle: 50,
      within: [],
    });
  });

  it('gives nothing when the announcement or the next article is missing', () => {
    const ended = [entry('start', 0, 'One.'), entry('end', 100, 'One.')];
    expect(silences(ended, 'Next: B.', 'B')).toBeNull();
    const announced = [...ended, entry('start', 150, 'Next: B.'), entry('end', 400, 'Next: B.')];
    expect(silences(announced, 'Next: B.', 'B')).toBeNull();
  });
});
