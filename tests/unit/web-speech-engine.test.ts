import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSpeechEngine } from '../../src/speech/web-speech-engine.js';
import {
  FakeSynth,
  FakeUtterance,
  FLITE_VOICES,
  ManualClock,
  type FakeSynthFaults,
} from '../support/fake-synth.js';

let synth: FakeSynth;
let clock: ManualClock;
let engine: WebSpeechEngine;

function makeEngine() {
  return new WebSpeechEngine({
    synth: synth as unknown as SpeechSynthesis,
    Utterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    clock,
    startTimeoutMs: 5000,
    settleMs: 100,
    voicesTimeoutMs: 3000,
    voicesPollMs: 250,
  });
}

function handlers() {
  return {
    onStart: vi.fn(),
    onEnd: vi.fn(),
    onError: vi.fn(),
    onInterrupted: vi.fn(),
    onBoundary: vi.fn(),
  };
}

const REQUEST = { text: 'Hello world.', lang: 'en', rate: 1 };

/** Firefox's first English voice on Linux, an espeak-ng variant, and the plain one of a later batch. */
const variant = {
  name: 'English (America)+Zac',
  lang: 'en',
  voiceURI: 'zac',
  localService: true,
  default: false,
};
const plain = {
  name: 'English (America)',
  lang: 'en-US',
  voiceURI: 'us',
  localService: true,
  default: false,
};

beforeEach(() => {
  synth = new FakeSynth();
  clock = new ManualClock();
  engine = makeEngine();
});

describe('WebSpeechEngine', () => {
  it('speaks synchronously, with the language always set', () => {
    engine.speak(REQUEST, handlers());
    expect(synth.spoken).toHaveLength(1);
    expect(synth.last.lang).toBe('en');
    expect(synth.last.text).toBe('Hello world.');
  });

  it('passes start, boundary and end to the handlers', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    synth.last.onstart?.();
    synth.last.onboundary?.({ charIndex: 6, charLength: 5 });
    synth.last.onend?.();
    expect(h.onStart).toHaveBeenCalledOnce();
    expect(h.onBoundary).toHaveBeenCalledWith(6, 5);
    expect(h.onEnd).toHaveBeenCalledOnce();
  });

  it('retries once when start does not come, then reports no-start', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    clock.advance(5000);
    expect(synth.cancels).toBe(1);
    clock.advance(100);
    expect(synth.spoken).toHaveLength(2);
    clock.advance(5000);
    expect(h.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'no-start' }));
    expect(synth.spoken).toHaveLength(2);
  });

  it('a retry that starts carries on normally', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    clock.advance(5100);
    synth.last.onstart?.();
    synth.last.onend?.();
    expect(h.onEnd).toHaveBeenCalledOnce();
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('treats a missing end as an end, long after the expected duration', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    synth.last.onstart?.();
    clock.advance(5000);
    expect(h.onEnd).not.toHaveBeenCalled();
    clock.advance(60_000);
    expect(h.onEnd).toHaveBeenCalledOnce();
  });

  it('ignores every event of a cancelled utterance, including its interrupted error', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    const first = synth.last;
    first.onstart?.();
    engine.cancel();
    first.onerror?.({ error: 'interrupted' });
    first.onend?.();
    expect(h.onInterrupted).not.toHaveBeenCalled();
    expect(h.onEnd).not.toHaveBeenCalled();
    expect(synth.cancels).toBe(1);
  });

  it('reports an interruption from outside as interrupted, not as an error', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    synth.last.onstart?.();
    synth.last.onerror?.({ error: 'interrupted' });
    expect(h.onInterrupted).toHaveBeenCalledOnce();
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('retries once, when voices are there, a speak that failed before the engine was up', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    synth.last.onerror?.({ error: 'synthesis-failed' });
    expect(h.onError).not.toHaveBeenCalled();
    expect(engine.isBusy()).toBe(true);
    clock.advance(1000);
    expect(synth.spoken).toHaveLength(1);
    synth.voices = [{ name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false }];
    clock.advance(400); // the list must stay the same for a moment
    expect(synth.spoken).toHaveLength(1);
    clock.advance(200);
    expect(synth.spoken).toHaveLength(2);
    synth.last.onerror?.({ error: 'synthesis-failed' });
    expect(h.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'synthesis-failed' }));
  });

  it('takes an utterance whose end never comes out of the queue before moving on', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    synth.last.onstart?.();
    clock.advance(60_000);
    expect(h.onEnd).toHaveBeenCalledOnce();
    expect(synth.cancels).toBe(1);
  });

  it('reports real errors with their code', () => {
    const h = handlers();
    engine.speak(REQUEST, h);
    synth.last.onstart?.();
    synth.last.onerror?.({ error: 'synthesis-failed' });
    expect(h.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'synthesis-failed' }));
  });

  it('waits a short settle before speaking right after a cancel', () => {
    engine.speak(REQUEST, handlers());
    engine.cancel();
    engine.speak(REQUEST, handlers());
    expect(synth.spoken).toHaveLength(1);
    clock.advance(100);
    expect(synth.spoken).toHaveLength(2);
  });

  it('drops a settled speak when cancelled again before it ran', () => {
    engine.speak(REQUEST, handlers());
    engine.cancel();
    engine.speak(REQUEST, handlers());
    engine.cancel();
    clock.advance(1000);
    expect(synth.spoken).toHaveLength(1);
  });

  it('does not cancel the shared queue when it owns nothing', () => {
    engine.cancel();
    expect(synth.cancels).toBe(0);
  });

  it('never calls speechSynthesis.pause()', () => {
    engine.speak(REQUEST, handlers());
    engine.cancel();
    expect(synth.pauses).toBe(0);
  });

  it('finds voices that arrive late through voiceschanged', async () => {
    const voices = engine.getVoices();
    clock.advance(100);
    synth.voices = [{ name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false }];
    synth.dispatchEvent(new Event('voiceschanged'));
    clock.advance(150);
    expect(await voices).toHaveLength(1);
  });

  it('takes a late list once its batches stop coming (Firefox), not from the first batch', async () => {
    const voices = engine.getVoices();
    engine.speak(REQUEST, handlers());
    synth.voices = [variant];
    synth.dispatchEvent(new Event('voiceschanged'));
    clock.advance(50);
    synth.voices = [variant, plain];
    synth.dispatchEvent(new Event('voiceschanged'));
    clock.advance(149);
    expect(synth.spoken).toHaveLength(0);
    clock.advance(1);
    expect(await voices).toHaveLength(2);
    await Promise.resolve();
    clock.advance(0);
    expect(synth.last.voice).toBe(plain);
  });

  it('speaks again, with a voice of the whole list, an utterance Firefox failed while its voices arrived', async () => {
    synth = new FakeSynth(clock, { failsWhileVoicesArrive: true });
    engine = makeEngine();
    synth.addVoiceBatch([variant], false);
    await engine.getVoices();
    const h = handlers();
    engine.speak(REQUEST, h);
    expect(synth.last.voice).toBe(variant);
    clock.advance(40);
    synth.addVoiceBatch([{ ...variant, name: 'Deutsch', lang: 'de', voiceURI: 'de' }], false);
    clock.advance(40); // the error, with no code
    expect(h.onError).not.toHaveBeenCalled();
    clock.advance(300);
    synth.addVoiceBatch([plain], true);
    clock.advance(1000);
    expect(h.onError).not.toHaveBeenCalled();
    const retries = synth.spoken.slice(1);
    expect(retries.length).toBeGreaterThan(0);
    expect(synth.last.voice).toBe(plain);
    synth.fire(synth.last, 'start');
    synth.fire(synth.last, 'end');
    expect(h.onEnd).toHaveBeenCalledOnce();
  });

  it('reports an error without a code as synthesis-failed once the voices are all there', () => {
    synth = new FakeSynth(clock);
    engine = makeEngine();
    synth.voices = [{ name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false }];
    const h = handlers();
    engine.speak(REQUEST, h);
    synth.fire(synth.last, 'error', { error: undefined });
    clock.advance(1000);
    expect(synth.spoken).toHaveLength(2);
    synth.fire(synth.last, 'error', { error: undefined });
    clock.advance(1000);
    expect(synth.spoken).toHaveLength(2);
    expect(h.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'synthesis-failed' }));
  });

  it('copes with voiceschanged firing again and again', async () => {
    const voices = engine.getVoices();
    synth.dispatchEvent(new Event('voiceschanged'));
    synth.voices = [{ name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false }];
    synth.dispatchEvent(new Event('voiceschanged'));
    synth.dispatchEvent(new Event('voiceschanged'));
    clock.advance(150);
    expect(await voices).toHaveLength(1);
    expect(await engine.getVoices()).toHaveLength(1);
  });

  it('holds each utterance until its end (an utterance collected early never ends)', () => {
    engine.speak(REQUEST, handlers());
    expect(engine.isBusy()).toBe(true);
    synth.last.onstart?.();
    expect(engine.isBusy()).toBe(true);
    synth.last.onend?.();
    expect(engine.isBusy()).toBe(false);
  });

  it('finds voices by polling when voiceschanged never fires', async () => {
    const voices = engine.getVoices();
    clock.advance(600);
    synth.voices = [{ name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false }];
    clock.advance(250);
    expect(await voices).toHaveLength(1);
  });

  it('reports no voices after its bound, and asks again next time', async () => {
    const voices = engine.getVoices();
    clock.advance(3000);
    expect(await voices).toEqual([]);
    synth.voices = [{ name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false }];
    expect(await engine.getVoices()).toHaveLength(1);
  });

  it('uses the chosen voice by its URI', async () => {
    synth.voices = [
      { name: 'E', lang: 'en-GB', voiceURI: 'uri:E', localService: true, default: false },
    ];
    await engine.getVoices();
    engine.speak({ ...REQUEST, voiceURI: 'uri:E' }, handlers());
    expect(synth.last.voice).toBe(synth.voices[0]);
  });

  it('finds a chosen voice of another language than the text, and by its name where it has no URI', async () => {
    synth.voices = [
      { name: 'E', lang: 'en-GB', voiceURI: 'uri:E', localService: true, default: false },
      { name: 'F', lang: 'fr-FR', voiceURI: 'uri:F', localService: true, default: false },
      { name: 'Flite', lang: 'en-US', voiceURI: '', localService: true, default: false },
    ];
    await engine.getVoices();
    engine.speak({ ...REQUEST, voiceURI: 'uri:F' }, handlers());
    expect(synth.last.voice).toBe(synth.voices[1]);
    engine.speak({ ...REQUEST, voiceURI: 'Flite' }, handlers());
    expect(synth.last.voice).toBe(synth.voices[2]);
  });

  it('forgets a chosen voice that the engine no longer lists', async () => {
    const chosen = {
      name: 'E',
      lang: 'en-GB',
      voiceURI: 'uri:E',
      localService: true,
      default: false,
    };
    const other = {
      name: 'O',
      lang: 'en-US',
      voiceURI: 'uri:O',
      localService: true,
      default: false,
    };
    synth.voices = [chosen, other];
    await engine.getVoices();
    engine.speak({ ...REQUEST, voiceURI: 'uri:E' }, handlers());
    expect(synth.last.voice).toBe(chosen);
    synth.voices = [other];
    synth.dispatchEvent(new Event('voiceschanged'));
    engine.speak({ ...REQUEST, voiceURI: 'uri:E' }, handlers());
    expect(synth.last.voice).toBe(other);
  });

  it('says plainly that there is no speech where the API is missing', () => {
    const none = new WebSpeechEngine({ synth: undefined, Utterance: undefined, clock });
    expect(none.supported).toBe(false);
    const h = handlers();
    none.speak(REQUEST, h);
    expect(h.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'synthesis-unavailable' }),
    );
  });

  describe('faults of other engines', () => {
    function withFaults(faults: FakeSynthFaults) {
      synth = new FakeSynth(clock, faults);
      engine = makeEngine();
    }

    it('never speaks from inside an utterance event, nor a microtask after it (WebKit: that utterance never ends)', async () => {
      withFaults({ stuckWhenSpokenInEvent: true });
      const next = handlers();
      const first = handlers();
      first.onEnd.mockImplementation(() => {
        engine.speak({ ...REQUEST, text: 'Second.' }, next);
      });
      engine.speak(REQUEST, first);
      synth.fire(synth.last, 'start');
      synth.fire(synth.last, 'end');
      await Promise.resolve();
      expect(synth.spoken).toHaveLength(1);
      expect(engine.isBusy()).toBe(true);
      clock.advance(0);
      expect(synth.spoken.map((u) => u.text)).toEqual(['Hello world.', 'Second.']);
      expect(synth.stuck.size).toBe(0);
      synth.fire(synth.last, 'start');
      synth.fire(synth.last, 'end');
      expect(next.onEnd).toHaveBeenCalledOnce();
    });

    it('reports an utterance that ends unspoken at once as no audio output (WebKit without sound)', () => {
      withFaults({ endsAtOnceWithoutAudio: true });
      const h = handlers();
      engine.speak(
        { ...REQUEST, text: 'Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes' },
        h,
      );
      clock.advance(100);
      expect(h.onStart).toHaveBeenCalledOnce();
      expect(h.onEnd).not.toHaveBeenCalled();
      expect(h.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'audio-hardware' }));
      expect(engine.isBusy()).toBe(false);
    });

    it('takes a quick end of a short utterance, and a spoken end of a long one, for ends', () => {
      withFaults({ endsAtOnceWithoutAudio: true });
      const short = handlers();
      engine.speak({ ...REQUEST, text: 'Yes.' }, short);
      clock.advance(100);
      expect(short.onEnd).toHaveBeenCalledOnce();
      withFaults({});
      const long = handlers();
      const text = 'Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes';
      engine.speak({ ...REQUEST, text, rate: 2 }, long);
      synth.fire(synth.last, 'start');
      // At twice the speed, 2.4 s expected; a fast voice says it in a third of that.
      clock.advance(800);
      synth.fire(synth.last, 'end');
      expect(long.onEnd).toHaveBeenCalledOnce();
      expect(long.onError).not.toHaveBeenCalled();
    });

    it('speaks at once, inside the tap, when not in an utterance event (iOS)', () => {
      withFaults({ stuckWhenSpokenInEvent: true });
      engine.speak(REQUEST, handlers());
      expect(synth.spoken).toHaveLength(1);
    });

    it('takes an end fired by its own cancel (WebKit) for no end', () => {
      withFaults({ cancelFiresEnd: true });
      const h = handlers();
      engine.speak(REQUEST, h);
      synth.fire(synth.last, 'start');
      engine.cancel();
      expect(h.onEnd).not.toHaveBeenCalled();
      expect(h.onInterrupted).not.toHaveBeenCalled();
      expect(engine.isBusy()).toBe(false);
    });

    it('does not speak over an utterance that its cancel did not stop, and cancels it again', () => {
      withFaults({ stuckWhenSpokenInEvent: true });
      // An utterance of someone else's that `cancel()` cannot stop is speaking.
      synth.fire(new FakeUtterance('x'), 'start');
      synth.speak(new FakeUtterance('Cannot be stopped.'));
      clock.advance(0);
      engine.speak(REQUEST, handlers());
      engine.cancel();
      const cancels = synth.cancels;
      engine.speak({ ...REQUEST, text: 'After.' }, handlers());
      clock.advance(100);
      expect(synth.spoken.map((u) => u.text)).not.toContain('After.');
      expect(synth.cancels).toBeGreaterThan(cancels);
      expect(engine.isBusy()).toBe(true);
      // It stops at last: the next speak goes out.
      synth.stuck.clear();
      clock.advance(200);
      expect(synth.last.text).toBe('After.');
    });

    it('speaks after a bounded wait even if the engine still says it is speaking', () => {
      withFaults({ stuckWhenSpokenInEvent: true });
      synth.fire(new FakeUtterance('x'), 'start');
      synth.speak(new FakeUtterance('Cannot be stopped.'));
      clock.advance(0);
      engine.speak(REQUEST, handlers());
      engine.cancel();
      engine.speak({ ...REQUEST, text: 'After.' }, handlers());
      clock.advance(5000);
      expect(synth.last.text).toBe('After.');
    });

    it('tells voices without a voiceURI apart by name (WebKitGTK, Flite)', async () => {
      synth.voices = FLITE_VOICES.map((voice) => ({ ...voice }));
      await engine.getVoices();
      engine.speak({ ...REQUEST, voiceURI: 'slt' }, handlers());
      expect(synth.last.voice).toBe(synth.voices[1]);
    });

    it('always sets a voice of the language, when none was asked for', async () => {
      synth.voices = [
        { name: 'Afrikaans', lang: 'af', voiceURI: 'af', localService: true, default: true },
        { name: 'French', lang: 'fr-FR', voiceURI: 'fr', localService: true, default: false },
      ];
      await engine.getVoices();
      engine.speak({ ...REQUEST, lang: 'fr' }, handlers());
      expect(synth.last.voice).toBe(synth.voices[1]);
    });

    it('waits for voices still loading before speaking, and uses one of the language (Firefox)', async () => {
      const loading = engine.getVoices();
      const h = handlers();
      engine.speak({ ...REQUEST, lang: 'fr' }, h);
      expect(synth.spoken).toHaveLength(0);
      expect(engine.isBusy()).toBe(true);
      clock.advance(1000);
      synth.voices = [
        { name: 'Afrikaans', lang: 'af', voiceURI: 'af', localService: true, default: true },
        { name: 'French', lang: 'fr-FR', voiceURI: 'fr', localService: true, default: false },
      ];
      synth.dispatchEvent(new Event('voiceschanged'));
      clock.advance(150);
      await loading;
      await Promise.resolve();
      clock.advance(0);
      expect(synth.spoken).toHaveLength(1);
      expect(synth.last.voice).toBe(synth.voices[1]);
    });

    it('drops a speak waiting for voices when cancelled', async () => {
      const loading = engine.getVoices();
      engine.speak(REQUEST, handlers());
      engine.cancel();
      expect(engine.isBusy()).toBe(false);
      synth.voices = [{ name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false }];
      synth.dispatchEvent(new Event('voiceschanged'));
      clock.advance(150);
      await loading;
      await Promise.resolve();
      clock.advance(1000);
      expect(synth.spoken).toHaveLength(0);
    });

    it('reads the voices again when they change after the first list, and says so', async () => {
      const english = { name: 'E', lang: 'en', voiceURI: 'E', localService: true, default: false };
      const other = { name: 'F', lang: 'en', voiceURI: 'F', localService: true, default: false };
      synth.voices = [english, other];
      await engine.getVoices();
      const changed = vi.fn();
      engine.onVoicesChanged(changed);
      synth.dispatchEvent(new Event('voiceschanged'));
      expect(changed).not.toHaveBeenCalled();
      synth.voices = [other];
      synth.dispatchEvent(new Event('voiceschanged'));
      expect(changed).toHaveBeenCalledOnce();
      expect(await engine.getVoices()).toEqual([other]);
      engine.speak({ ...REQUEST, voiceURI: 'E' }, handlers());
      expect(synth.last.voice).toBe(other);
    });

    it('speaks without a voice once the wait for voices is over', async () => {
      const loading = engine.getVoices();
      engine.speak(REQUEST, handlers());
      clock.advance(3000);
      await loading;
      await Promise.resolve();
      clock.advance(0);
      expect(synth.spoken).toHaveLength(1);
    });
  });
});
