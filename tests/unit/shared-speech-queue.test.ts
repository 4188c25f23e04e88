// The browser has one speech queue: a cancel by one player's engine delays the next speak of
// another engine on the same synthesiser, as it does its own (Linux Chromium drops a speak right
// after a cancel).
import { describe, expect, it, vi } from 'vitest';
import { WebSpeechEngine } from '../../src/speech/web-speech-engine.js';
import { FakeSynth, FakeUtterance, ManualClock } from '../support/fake-synth.js';

function engineOn(synth: FakeSynth, clock: ManualClock) {
  return new WebSpeechEngine({
    synth: synth as unknown as SpeechSynthesis,
    Utterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    clock,
    settleMs: 100,
  });
}

const handlers = () => ({ onEnd: vi.fn(), onError: vi.fn(), onInterrupted: vi.fn() });
const request = (text: string) => ({ text, lang: 'en', rate: 1 });

describe('two engines on one synthesiser', () => {
  it('waits for the settle time after the other engine cancelled', () => {
    const synth = new FakeSynth();
    const clock = new ManualClock();
    const a = engineOn(synth, clock);
    const b = engineOn(synth, clock);
    a.speak(request('A speaks.'), handlers());
    expect(synth.spoken).toHaveLength(1);
    a.cancel();
    b.speak(request('B speaks.'), handlers());
    expect(synth.spoken).toHaveLength(1);
    clock.advance(100);
    expect(synth.spoken.map((u) => u.text)).toEqual(['A speaks.', 'B speaks.']);
  });

  it('does not wait for a cancel on another synthesiser', () => {
    const clock = new ManualClock();
    const first = new FakeSynth();
    const second = new FakeSynth();
    const a = engineOn(first, clock);
    a.speak(request('A speaks.'), handlers());
    a.cancel();
    const b = engineOn(second, clock);
    b.speak(request('B speaks.'), handlers());
    expect(second.spoken).toHaveLength(1);
  });
});
