/**
 * A model-based test of playback: random user actions interleaved with random engine behaviour
 * (delays, missing start or end events, errors, outside interruptions, ends with nothing spoken),
 * through the real PlaybackController and WebSpeechEngine over a scripted speechSynthesis with a
 * manual clock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { Status } from '../../src/core/playback.js';
import { estimateSeconds } from '../../src/core/timing.js';
import {
  PlaybackController,
  type SpokenChunk,
} from '../../src/element/controllers/playback-controller.js';
import { WebSpeechEngine } from '../../src/speech/web-speech-engine.js';
import { FakeUtterance, ManualClock } from '../support/fake-synth.js';

/** `unspoken`: `end` 30 ms after `start`, nothing heard (WebKit with no audio output). */
type Behaviour = 'normal' | 'no-start' | 'no-end' | 'error' | 'interrupt' | 'unspoken';

/**
 * How an engine behaves where engines differ (each as measured; see the README's table):
 * Chromium fires `interrupted` on a cancelled utterance; WebKit fires `end`, never ends an
 * utterance spoken inside an utterance event (nor can `cancel()` stop it), and gives its voices
 * no `voiceURI`.
 */
interface EngineProfile {
  readonly name: string;
  readonly cancelFires: 'interrupted' | 'end';
  readonly stuckWhenSpokenInEvent: boolean;
  readonly voiceURI: string;
}
const PROFILES: readonly EngineProfile[] = [
  { name: 'Chromium', cancelFires: 'interrupted', stuckWhenSpokenInEvent: false, voiceURI: 'en' },
  { name: 'WebKit', cancelFires: 'end', stuckWhenSpokenInEvent: true, voiceURI: '' },
];

/** A speechSynthesis that plays each utterance by a script drawn by fast-check. */
class ScriptedSynth extends EventTarget {
  active: FakeUtterance[] = [];
  maxActive = 0;
  behaviours: Behaviour[] = [];
  /** The texts whose last utterance to start is not heard. */
  readonly unspoken = new Set<string>();
  /** Utterances that play on and cannot be cancelled (WebKit, spoken inside an event). */
  stuck = 0;
  #inEventTurn = false;
  constructor(
    private readonly clock: ManualClock,
    private readonly profile: EngineProfile,
  ) {
    super();
  }
  getVoices() {
    return [
      {
        name: 'English',
        lang: 'en-US',
        voiceURI: this.profile.voiceURI,
        localService: true,
        default: false,
      },
    ];
  }
  get speaking(): boolean {
    return this.active.length > 0;
  }
  /** An event is a task of its own: its turn, and the microtasks after it, last until the next timer. */
  #fire(handler: (() => void) | undefined): void {
    this.#inEventTurn = true;
    this.clock.setTimeout(() => (this.#inEventTurn = false), 0);
    handler?.();
  }
  speak(utterance: FakeUtterance): void {
    const drawn = this.behaviours.shift() ?? 'normal';
    // Under a second of speech, an end with nothing heard cannot be told from a spoken one (by
    // design: README, "Speech faults"); the model asks that of the longer ones only.
    const behaviour =
      drawn === 'unspoken' && estimateSeconds(utterance.text.length, utterance.rate) < 1
        ? 'normal'
        : drawn;
    const stuck = this.#inEventTurn && this.profile.stuckWhenSpokenInEvent;
    if (stuck) {
      this.stuck++;
      this.#stuckOnes.add(utterance);
    }
    this.active.push(utterance);
    this.maxActive = Math.max(this.maxActive, this.active.length);
    const done = () => (this.active = this.active.filter((u) => u !== utterance));
    const isActive = () => this.active.includes(utterance);
    if (behaviour === 'no-start') return;
    this.clock.setTimeout(() => {
      if (!isActive()) return;
      if (behaviour === 'unspoken') this.unspoken.add(utterance.text);
      else this.unspoken.delete(utterance.text);
      this.#fire(() => utterance.onstart?.());
      // A stuck utterance is heard, but never ends: it stays in the queue.
      if (behaviour === 'no-end' || stuck) return;
      this.clock.setTimeout(
        () => {
          if (!isActive()) return;
          done();
          if (behaviour === 'error')
            this.#fire(() => utterance.onerror?.({ error: 'synthesis-failed' }));
          else if (behaviour === 'interrupt')
            this.#fire(() => utterance.onerror?.({ error: 'interrupted' }));
          else this.#fire(() => utterance.onend?.());
        },
        behaviour === 'unspoken' ? 30 : 50 * utterance.text.length,
      );
    }, 80);
  }
  cancel(): void {
    const cancelled = this.active.filter((u) => !this.#isStuck(u));
    this.active = this.active.filter((u) => this.#isStuck(u));
    this.clock.setTimeout(() => {
      for (const utterance of cancelled) {
        if (this.profile.cancelFires === 'end') this.#fire(() => utterance.onend?.());
        else this.#fire(() => utterance.onerror?.({ error: 'interrupted' }));
      }
    }, 5);
  }
  readonly #stuckOnes = new WeakSet<FakeUtterance>();
  #isStuck(utterance: FakeUtterance): boolean {
    return this.#stuckOnes.has(utterance);
  }
  pause(): void {
    throw new Error('speechSynthesis.pause() must never be called');
  }
}

const ARTICLE: Article = {
  id: 'model',
  lang: 'en',
  title: 'Model',
  blocks: [
    { id: 'a', kind: 'heading', text: 'A title.' },
    { id: 'b', kind: 'paragraph', text: 'One sentence. Two sentences here. Three.' },
    { id: 'c', kind: 'paragraph', text: 'Short.' },
    { id: 'd', kind: 'paragraph', text: 'The last paragraph has one sentence.' },
  ],
};

type Action =
  | { type: 'play' | 'pause' | 'stop' | 'next' | 'previous' | 'restart' | 'visible' }
  | { type: 'seek'; block: number; offset: number }
  | { type: 'wait'; ms: number };

const actions: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom<Action>(
    { type: 'play' },
    { type: 'pause' },
    { type: 'stop' },
    { type: 'next' },
    { type: 'previous' },
    { type: 'restart' },
    { type: 'visible' },
  ),
  fc.record({
    type: fc.constant('seek' as const),
    block: fc.integer({ min: -1, max: 5 }),
    offset: fc.nat(50),
  }),
  fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4000 }) }),
  fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4000 }) }),
);
const behaviours = fc.array(
  fc.constantFrom<Behaviour>(
    'normal',
    'normal',
    'normal',
    'no-start',
    'no-end',
    'error',
    'interrupt',
    'unspoken',
  ),
  { maxLength: 30 },
);

function setUp(profile: EngineProfile) {
  const clock = new ManualClock();
  const synth = new ScriptedSynth(clock, profile);
  const engine = new WebSpeechEngine({
    synth: synth as unknown as SpeechSynthesis,
    Utterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    clock,
    startTimeoutMs: 5000,
    settleMs: 100,
  });
  const completed: SpokenChunk[] = [];
  let userMoved = true;
  const problems: string[] = [];
  const host = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  const controller = new PlaybackController(host, engine, () => ({ rate: 1, voiceURI: null }), {
    onTransition: () => undefined,
    onChunkEnd: (chunk, done) => {
      if (!done) return;
      if (synth.unspoken.has(chunk.text))
        problems.push(`read on past unheard ${JSON.stringify(chunk)}`);
      const previous = completed[completed.length - 1];
      if (previous && !userMoved && !follows(previous, chunk)) {
        problems.push(
          `skipped or repeated: ${JSON.stringify(previous)} then ${JSON.stringify(chunk)}`,
        );
      }
      completed.push(chunk);
      userMoved = false;
    },
  });
  controller.hostConnected();
  controller.load(ARTICLE);
  return { clock, synth, engine, controller, problems, moved: () => (userMoved = true) };
}

/** The chunk `next` starts where `previous` ended (or at the next block's start). */
function follows(previous: SpokenChunk, next: SpokenChunk): boolean {
  const length = ARTICLE.blocks[previous.block]!.text.length;
  if (previous.end < length) return next.block === previous.block && next.start === previous.end;
  return next.block === previous.block + 1 && next.start === 0;
}

describe.each(PROFILES)('playback (model-based), $name', (profile) => {
  it('never shows playing with nothing queued, never overlaps, never skips, always finishes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actions, { maxLength: 25 }), behaviours, async (steps, script) => {
        const { clock, synth, engine, controller, problems, moved } = setUp(profile);
        await Promise.resolve();
        synth.behaviours = [...script];
        for (const step of steps) {
          switch (step.type) {
            case 'wait':
              clock.advance(step.ms);
              break;
            case 'visible':
              if (controller.state.status === Status.Playing && !engine.isBusy()) {
                controller.dispatch({ type: 'restart' });
              }
              break;
            case 'seek':
              moved();
              controller.dispatch({
                type: 'seek',
                position: { block: step.block, offset: step.offset },
              });
              break;
            default:
              if (step.type !== 'pause' && step.type !== 'play') moved();
              // Resuming repeats the paused sentence from its start, by design.
              if (step.type === 'play') moved();
              controller.dispatch({ type: step.type });
          }
          expect(synth.maxActive, 'two utterances at once').toBeLessThanOrEqual(1);
          if (controller.state.status === Status.Playing) {
            expect(engine.isBusy(), 'playing with nothing queued').toBe(true);
          }
        }
        expect(problems).toEqual([]);

        // From here the engine behaves: reading must reach the end or a clear error.
        synth.behaviours = [];
        moved();
        if (controller.state.status !== Status.Error) controller.dispatch({ type: 'play' });
        for (let i = 0; i < 200 && controller.state.status === Status.Playing; i++)
          clock.advance(1000);
        expect([Status.Ended, Status.Error, Status.Paused]).toContain(controller.state.status);
        if (controller.state.status === Status.Paused) {
          // An outside interruption paused it: pressing play again reaches the end.
          moved();
          controller.dispatch({ type: 'play' });
          for (let i = 0; i < 200 && (controller.state.status as Status) === Status.Playing; i++)
            clock.advance(1000);
        }
        expect([Status.Ended, Status.Error]).toContain(controller.state.status);
        if (controller.state.status === Status.Error) {
          expect(controller.state.error?.code).toMatch(/\S/);
        }
        expect(problems).toEqual([]);
        expect(synth.stuck, 'an utterance that never ends').toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
