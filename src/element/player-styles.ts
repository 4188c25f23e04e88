import { css } from 'lit';

/** The shadow styles of <article-player>: the control bar. */
export const playerStyles = css`
  /* Light or dark as the page is: its color-scheme (as Canvas and CanvasText are); a page with
     color-scheme: light dark follows the reader's prefers-color-scheme. */
  :host {
    display: block;
    --_accent: var(--ap-accent, light-dark(#0b57d0, #a8c7fa));
    --_on-accent: var(--ap-on-accent, light-dark(#ffffff, #062e6f));
    --_radius: var(--ap-radius, 0.5rem);
  }
  @supports not (color: light-dark(#fff, #000)) {
    :host {
      --_accent: var(--ap-accent, #0b57d0);
      --_on-accent: var(--ap-on-accent, #ffffff);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_accent: var(--ap-accent, #a8c7fa);
        --_on-accent: var(--ap-on-accent, #062e6f);
      }
    }
  }
  /* --ap-bar-height is a promise to publishers: their page reserves it before the script arrives
     (README, "Reserve the player's box"). One row of 44px controls, its padding and border. */
  .bar {
    position: sticky;
    top: 0;
    z-index: 1;
    box-sizing: border-box;
    min-height: var(--ap-bar-height, calc(44px + 1rem + 2px));
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem;
    margin-block-end: 1rem;
    background: var(--ap-bar-background, Canvas);
    color: var(--ap-bar-color, CanvasText);
    border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
    border-radius: var(--_radius);
    font: var(--ap-font, 1rem/1.4 system-ui, sans-serif);
  }
  /* A bar pre-rendered in the page's HTML (declarative shadow DOM) may be painted half-parsed,
     where the network pauses inside it: a row of buttons that then grew, upward over the text
     where the bar is docked (a layout shift). Its box is kept, but nothing shows until its last
     child, the status line, has arrived. */
  .bar:not(:has(.status)) {
    visibility: hidden;
  }
  .buttons {
    display: flex;
    gap: 0.25rem;
    align-items: center;
  }
  button,
  select {
    min-width: 44px;
    min-height: 44px;
    font: inherit;
    border-radius: var(--_radius);
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.play {
    min-width: 6.5rem;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  svg {
    width: 1.5rem;
    height: 1.5rem;
    fill: currentColor;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  select {
    max-width: 12rem;
    padding: 0 0.25rem;
    background: var(--ap-bar-background, Canvas);
    color: inherit;
    border: 1px solid currentColor;
  }
  .status {
    flex-basis: 100%;
    margin: 0;
  }
  .status:empty {
    display: none;
  }
  @media (forced-colors: active) {
    button.play {
      background: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
  }
`;
