/**
 * A model-based test of playback: random user actions interleaved with random engine behaviour
 * (delays, missing start or end events, errors, outside interruptions), through the real
 * PlaybackController and WebSpeechEngine over a scripted speechSynthesis with a manual clock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { Status } from '../../src/core/playback.js';
import {
  PlaybackController,
  type SpokenChunk,
} from '../../src/element/controllers/playback-controller.js';
import { WebSpeechEngine } from '../../src/speech/web-speech-engine.js';
import { FakeUtterance, ManualClock } from '../support/fake-synth.js';

type Behaviour = 'normal' | 'no-start' | 'no-end' | 'error' | 'interrupt';

/** A speechSynthesis that plays each utterance by a script drawn by fast-check. */
class ScriptedSynth extends EventTarget {
  active: FakeUtterance[] = [];
  maxActive = 0;
  behaviours: Behaviour[] = [];
  constructor(private readonly clock: ManualClock) {
    super();
  }
  getVoices() {
    return [{ name: 'English', lang: 'en-US', voiceURI: 'en', localService: true, default: false }];
  }
  speak(utterance: FakeUtterance): void {
    const behaviour = this.behaviours.shift() ?? 'normal';
    this.active.push(utterance);
    this.maxActive = Math.max(this.maxActive, this.active.length);
    const done = () => (this.active = this.active.filter((u) => u !== utterance));
    const isActive = () => this.active.includes(utterance);
    if (behaviour === 'no-start') return;
    this.clock.setTimeout(() => {
      if (!isActive()) return;
      utterance.onstart?.();
      if (behaviour === 'no-end') return;
      this.clock.setTimeout(() => {
        if (!isActive()) return;
        done();
        if (behaviour === 'error') utterance.onerror?.({ error: 'synthesis-failed' });
        else if (behaviour === 'interrupt') utterance.onerror?.({ error: 'interrupted' });
        else utterance.onend?.();
      }, 50 * utterance.text.length);
    }, 80);
  }
  cancel(): void {
    const cancelled = this.active;
    this.active = [];
    this.clock.setTimeout(() => {
      for (const utterance of cancelled) utterance.onerror?.({ error: 'interrupted' });
    }, 5);
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
  ),
  { maxLength: 30 },
);

function setUp() {
  const clock = new ManualClock();
  const synth = new ScriptedSynth(clock);
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

describe('playback (model-based)', () => {
  it('never shows playing with nothing queued, never overlaps, never skips, always finishes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actions, { maxLength: 25 }), behaviours, async (steps, script) => {
        const { clock, synth, engine, controller, problems, moved } = setUp();
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
      }),
      { numRuns: 300 },
    );
  });
});
