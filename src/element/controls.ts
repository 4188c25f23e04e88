/** The bar's buttons, shared by the element and its features: native buttons with a name. */
import { html, nothing, type SVGTemplateResult } from 'lit';

export interface IconButton {
  readonly part: string;
  readonly label: string;
  readonly icon: SVGTemplateResult;
  readonly onClick: () => void;
  readonly disabled: boolean;
  /** Its `aria-keyshortcuts`, when the shortcuts are on. */
  readonly shortcut?: string | undefined;
}

export function icon(content: SVGTemplateResult) {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${content}</svg>`;
}

export function iconButton({
  part,
  label,
  icon: content,
  onClick,
  disabled,
  shortcut,
}: IconButton) {
  return html`<button
    part="button ${part}"
    aria-label=${label}
    title=${label}
    aria-keyshortcuts=${shortcut ?? nothing}
    ?disabled=${disabled}
    @click=${onClick}
  >
    ${icon(content)}
  </button>`;
}
