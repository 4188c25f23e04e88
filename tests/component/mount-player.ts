/** Mounting the full <article-player> (the app's) with a fake engine, for component tests. */
import { fixture, html } from '@open-wc/testing';
import { FullArticlePlayer } from '../../src/element/article-player-full.js';
import type { ArticlePlayer } from '../../src/element/player-element.js';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { ManualClock } from '../support/fake-synth.js';

export interface MountOptions {
  readonly engine?: FakeSpeechEngine;
  /** The player's time: its timers run only when the test advances it. */
  readonly clock?: ManualClock;
  readonly markup: string;
  readonly lang?: string;
  readonly attributes?: Readonly<Record<string, string>>;
  /** False: returns once the player has rendered, not waiting for its voices (held ones, say). */
  readonly settle?: boolean;
}

export async function mountPlayer({
  engine = new FakeSpeechEngine(),
  clock = new ManualClock(),
  markup,
  lang = 'en',
  attributes = {},
  settle = true,
}: MountOptions) {
  const player = new FullArticlePlayer(engine, clock);
  player.lang = lang;
  for (const [name, value] of Object.entries(attributes)) player.setAttribute(name, value);
  player.innerHTML = markup;
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(player);
  if (settle) await engine.settled(player);
  else await player.updateComplete;
  return { player, engine, clock };
}

/** The shadow control with this part name; throws when it is missing. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the element type they expect
export function part<T extends HTMLElement = HTMLElement>(player: ArticlePlayer, name: string): T {
  const element = player.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!element) throw new Error(`no part ${name}`);
  return element;
}
