/**
 * A stand-in for `window.speechSynthesis` and `SpeechSynthesisUtterance` with a manual clock,
 * to reproduce the browsers' speech faults in unit tests of WebSpeechEngine.
 */
import type { Clock } from '../../src/speech/web-speech-engine.js';

export class ManualClock implements Clock {
  time = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(id: number): void {
    this.timers.delete(id);
  }
  /** Moves time on, running each timer due on the way in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = until;
  }
}

export class FakeUtterance {
  lang = '';
  rate = 1;
  voice: unknown = null;
  onstart: (() => void) | null = null;
  onend: (() => void) | null = null;
  onboundary: ((event: { charIndex: number; charLength?: number }) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

export class FakeSynth extends EventTarget {
  voices: {
    name: string;
    lang: string;
    voiceURI: string;
    localService: boolean;
    default: boolean;
  }[] = [];
  spoken: FakeUtterance[] = [];
  cancels = 0;
  pauses = 0;

  getVoices() {
    return this.voices;
  }
  speak(utterance: FakeUtterance): void {
    this.spoken.push(utterance);
  }
  cancel(): void {
    this.cancels++;
  }
  pause(): void {
    this.pauses++;
  }
  get last(): FakeUtterance {
    const last = this.spoken[this.spoken.length - 1];
    if (!last) throw new Error('nothing was spoken');
    return last;
  }
}
