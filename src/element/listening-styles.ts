import { css } from 'lit';

/** The full player's extras: the position slider and the settings dialog. */
export const listeningStyles = css`
  .progress {
    display: flex;
    flex: 1 1 16rem;
    align-items: center;
    gap: 0.5rem;
    font-variant-numeric: tabular-nums;
  }
  .progress input {
    flex: 1;
    min-height: 44px;
    margin: 0;
    accent-color: var(--_accent);
  }
  dialog {
    max-width: min(32rem, 90vw);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: Canvas;
    color: CanvasText;
    font: var(--ap-font, 1rem/1.4 system-ui, sans-serif);
  }
  dialog h2 {
    margin-top: 0;
    font-size: 1.25rem;
  }
  dialog .field {
    display: flex;
    min-height: 44px;
    margin-block: 0.25rem;
  }
  dialog input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
  }
  dialog dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  dialog dd {
    margin: 0;
  }
  kbd {
    font-family: ui-monospace, monospace;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    padding: 0 0.25rem;
  }
  /* On a phone the controls sit within thumb reach at the bottom of the screen (one player's:
     the others keep theirs above their article), with room left under the article for them. */
  @media (max-width: 600px) {
    .dock-space {
      height: var(--ap-bottom-space, 9rem);
    }
    .bar:not(.docked) {
      position: static;
    }
    .bar.docked {
      position: fixed;
      inset: auto 0 0 0;
      z-index: 10;
      margin: 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
      box-shadow: 0 -2px 8px rgb(0 0 0 / 0.2);
      padding-bottom: max(0.5rem, env(safe-area-inset-bottom));
    }
  }
`;
