import { svg } from 'lit';

/** Decorative icons: each button also has a text name. */
export const icons = {
  play: svg`<path d="M8 5v14l11-7z"/>`,
  pause: svg`<path d="M6 5h4v14H6zm8 0h4v14h-4z"/>`,
  previous: svg`<path d="M6 6h2v12H6zm3.5 6 8.5 6V6z"/>`,
  next: svg`<path d="M16 6h2v12h-2zM6 18l8.5-6L6 6z"/>`,
  previousSentence: svg`<path d="M11 18V6l-8.5 6zm.5-6 8.5 6V6z"/>`,
  nextSentence: svg`<path d="M4 18l8.5-6L4 6zm9-12v12l8.5-6z"/>`,
};
