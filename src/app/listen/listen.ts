/**
 * The "your own text" page, `/listen/`, which is also the share target (`/listen/?title=&text=&url=`).
 *
 * - `?id=<id>`: reads a saved text with the same `<article-player>` as the articles.
 * - `?text=…` (shared from another app): checks it, saves it on this device, then shows it as `?id=`.
 * - otherwise: a form to paste text, or the HTML of a page (reduced with Readability, sanitised with
 *   DOMPurify, see html-import.ts).
 *
 * The player's light DOM is built with createElement and textContent only: nothing from the input is ever
 * parsed into this page. A failed check or save never touches what is already saved.
 */
import { defineAppPlayer } from '../app-player.js';
import { deleteText, getText, LibraryError, newId, saveText } from '../library.js';
import { element } from '../dom.js';
import { announce, startApp } from '../pwa.js';
import { savedTextArticle } from '../saved-article.js';
import { strings } from '../strings.js';
import {
  canonicalLanguage,
  checkRawInput,
  looksLikeHtml,
  makeSavedText,
  MAX_CHARACTERS,
  MAX_HTML_CHARACTERS,
  MAX_TITLE,
  plainTextToBlocks,
  type Checked,
  type InputProblem,
  type SavedText,
  type TextBlock,
} from '../text.js';

defineAppPlayer();
startApp();

type Format = 'auto' | 'text' | 'html';

interface Draft {
  readonly title: string;
  readonly text: string;
  readonly url: string | null;
  /** A language tag, or '' for automatic. */
  readonly lang: string;
  readonly format: Format;
  readonly source: SavedText['source'];
}

/** Languages offered in the form (the voices available depend on the device). */
const LANGUAGES = [
  'ar',
  'bn',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'fi',
  'fr',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'nb',
  'nl',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh',
];

const root = document.querySelector<HTMLElement>('[data-listen]');
const main = document.querySelector<HTMLElement>('main');
/** The page's own heading and introduction, shown with the form. */
const intro = root ? [...root.children].filter((child) => child.localName !== 'noscript') : [];

const numberFormat = new Intl.NumberFormat('en');

function browserLanguage(): string {
  return canonicalLanguage(navigator.language) ?? 'en';
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function message(problem: InputProblem, html: boolean): string {
  switch (problem.code) {
    case 'empty':
      return html ? strings.errorHtmlNoArticle : strings.errorEmpty;
    case 'no-words':
      return strings.errorNoWords;
    case 'too-long':
      return strings.errorTooLong(
        numberFormat.format(problem.characters),
        numberFormat.format(problem.limit),
      );
    case 'html-too-long':
      return strings.errorHtmlTooLong(
        numberFormat.format(problem.characters),
        numberFormat.format(problem.limit),
      );
    case 'binary':
      return strings.errorBinary;
    case 'url-only':
      return strings.errorUrlOnly(problem.url);
    default:
      throw new Error(`Unknown problem: ${JSON.stringify(problem satisfies never)}`);
  }
}

interface Prepared {
  readonly blocks: TextBlock[];
  readonly title: string | null;
  readonly lang: string | null;
}

/** Checks the draft and turns it into blocks; HTML goes through DOMPurify and Readability. */
async function prepare(draft: Draft): Promise<{ result: Checked<Prepared>; html: boolean }> {
  const html = draft.format === 'html' || (draft.format === 'auto' && looksLikeHtml(draft.text));
  if (html) {
    let imported;
    try {
      // DOMPurify and Readability load only when HTML is pasted (they are precached all the same).
      const { importPastedHtml } = await import('../html-import.js');
      imported = importPastedHtml(draft.text, draft.url);
    } catch {
      return { result: { ok: false, problem: { code: 'empty' } }, html };
    }
    return { result: imported, html };
  }
  const raw = checkRawInput(draft.text, draft.url);
  if (!raw.ok) return { result: raw, html };
  const blocks = plainTextToBlocks(raw.value, draft.url);
  return {
    result: blocks.ok
      ? { ok: true, value: { blocks: blocks.value, title: null, lang: null } }
      : blocks,
    html,
  };
}

async function submit(draft: Draft, form: HTMLFormElement | null): Promise<void> {
  const { result, html } = await prepare(draft);
  if (!result.ok) {
    showForm(draft, message(result.problem, html), form);
    return;
  }
  const titled = makeSavedText({
    id: newId(),
    // The HTML's own title when the user gave none; else the start of the text.
    title: draft.title.trim() !== '' ? draft.title : result.value.title,
    lang: draft.lang || result.value.lang,
    blocks: result.value.blocks,
    source: draft.source,
    url: draft.url,
    now: Date.now(),
    fallbackTitle: strings.untitled,
    fallbackLang: browserLanguage(),
  });
  let notice = strings.saved(titled.title);
  let kept = true;
  try {
    await saveText(titled);
  } catch (error) {
    kept = false;
    notice =
      error instanceof LibraryError && error.code === 'full'
        ? strings.savedStorageFull
        : strings.savedButNotKept;
  }
  if (kept) history.replaceState(null, '', `/listen/?id=${encodeURIComponent(titled.id)}`);
  showText(titled, kept);
  announce(notice);
}

// ---------------------------------------------------------------------------------------------------------
// The form

function field(className = 'field'): HTMLDivElement {
  const div = document.createElement('div');
  div.className = className;
  return div;
}

function labelled<T extends HTMLElement>(
  control: T,
  id: string,
  text: string,
): [HTMLLabelElement, T] {
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text;
  control.id = id;
  return [label, control];
}

function showForm(
  draft: Draft | null,
  error: string | null,
  existing: HTMLFormElement | null = null,
): void {
  if (!root) return;
  document.title = `${strings.listenTitle} · Article player`;
  const form = existing ?? buildForm();
  if (!existing) {
    // The heading and introduction stay where they are (moving them would shift the page).
    for (const child of [...root.children]) if (!intro.includes(child)) child.remove();
    if (intro.some((element) => !element.isConnected)) root.replaceChildren(...intro);
    root.append(form);
  }
  if (draft && !existing) {
    (form.elements.namedItem('title') as HTMLInputElement).value = draft.title.slice(0, MAX_TITLE);
    // A gigantic or binary input is not put back in the box: the message says what to do instead.
    if (draft.text.length <= MAX_HTML_CHARACTERS && error !== strings.errorBinary) {
      (form.elements.namedItem('text') as HTMLTextAreaElement).value = draft.text;
    }
  }
  showError(form, error);
}

/** Shows (or clears) the problem with the text: next to the box, and announced. */
function showError(form: HTMLFormElement, error: string | null): void {
  const text = form.elements.namedItem('text') as HTMLTextAreaElement;
  const errorText = form.querySelector<HTMLElement>('.field-error');
  if (errorText) {
    errorText.textContent = error ?? '';
    errorText.hidden = error === null;
  }
  if (error === null) {
    text.removeAttribute('aria-invalid');
    return;
  }
  text.setAttribute('aria-invalid', 'true');
  announce(error);
  text.focus();
}

function buildForm(): HTMLFormElement {
  const form = document.createElement('form');
  form.className = 'paste-form';
  form.noValidate = true;

  const titleField = field();
  const titleInput = document.createElement('input');
  titleInput.name = 'title';
  titleInput.type = 'text';
  titleInput.maxLength = MAX_TITLE;
  titleInput.autocomplete = 'off';
  titleField.append(...labelled(titleInput, 'paste-title', strings.titleLabel));

  const textField = field();
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.id = 'paste-hint';
  hint.textContent = strings.textHint;
  const textarea = document.createElement('textarea');
  textarea.name = 'text';
  textarea.rows = 12;
  textarea.setAttribute('aria-describedby', 'paste-hint paste-error');
  const error = document.createElement('p');
  error.className = 'field-error';
  error.id = 'paste-error';
  error.hidden = true;
  const [textLabel] = labelled(textarea, 'paste-text', strings.textLabel);
  // Refuse a gigantic paste before it reaches the box: laying out megabytes of text freezes the page.
  // A page's HTML has its own, larger limit: its article is what must fit MAX_CHARACTERS.
  textarea.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    const total =
      textarea.value.length - (textarea.selectionEnd - textarea.selectionStart) + pasted.length;
    const html = looksLikeHtml(pasted) || looksLikeHtml(textarea.value);
    const limit = html ? MAX_HTML_CHARACTERS : MAX_CHARACTERS;
    if (total <= limit) return;
    event.preventDefault();
    const code = html ? 'html-too-long' : 'too-long';
    showError(form, message({ code, characters: total, limit }, html));
  });
  textField.append(textLabel, hint, textarea, error);

  const formats = document.createElement('fieldset');
  formats.className = 'formats';
  const legend = document.createElement('legend');
  legend.textContent = strings.pasteLegendFormat;
  formats.append(legend);
  for (const [value, text] of [
    ['auto', strings.formatAuto],
    ['text', strings.formatText],
    ['html', strings.formatHtml],
  ] as const) {
    const label = document.createElement('label');
    label.className = 'choice';
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'format';
    radio.value = value;
    radio.checked = value === 'auto';
    label.append(radio, ` ${text}`);
    formats.append(label);
  }

  const langField = field();
  const select = document.createElement('select');
  select.name = 'lang';
  const automatic = document.createElement('option');
  automatic.value = '';
  automatic.textContent = `${strings.formatAuto} (${languageName(browserLanguage())})`;
  select.append(automatic);
  const names = LANGUAGES.map((tag) => [tag, languageName(tag)] as const).sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  for (const [tag, name] of names) {
    const option = document.createElement('option');
    option.value = tag;
    option.textContent = name;
    option.lang = tag;
    select.append(option);
  }
  langField.append(...labelled(select, 'paste-lang', strings.languageLabel));

  const submitButton = document.createElement('button');
  submitButton.type = 'submit';
  submitButton.className = 'primary-button';
  submitButton.textContent = strings.listenButton;

  form.append(titleField, textField, formats, langField, submitButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string, fallback: string): string => {
      const entry = data.get(name);
      return typeof entry === 'string' ? entry : fallback;
    };
    const draft: Draft = {
      title: value('title', ''),
      text: value('text', ''),
      url: null,
      lang: value('lang', ''),
      format: value('format', 'auto') as Format,
      source: 'pasted',
    };
    submitButton.disabled = true;
    announce(strings.saving);
    void submit(draft, form).finally(() => {
      submitButton.disabled = false;
    });
  });
  return form;
}

// ---------------------------------------------------------------------------------------------------------
// A saved text, with the player

function showText(text: SavedText, kept: boolean): void {
  if (!root) return;
  document.title = `${text.title} · Article player`;
  const player = document.createElement('article-player');
  player.lang = text.lang;
  player.dataset['savedId'] = text.id;
  player.append(savedTextArticle(text));

  const actions = element('div');
  actions.className = 'saved-actions';
  if (kept) {
    const remove = element('button', strings.deleteThis);
    remove.type = 'button';
    remove.className = 'delete-button';
    remove.addEventListener('click', () => void onDelete(text, player));
    actions.append(remove);
  }
  const another = element('a', strings.listenTitle);
  another.href = '/listen/';
  const back = element('a', strings.backToLibrary);
  back.href = '/';
  actions.append(another, back);
  root.replaceChildren(player, actions);
  main?.focus();
}

async function onDelete(
  text: SavedText,
  player: HTMLElement & { stop?: () => Promise<void> },
): Promise<void> {
  try {
    await deleteText(text.id);
  } catch {
    announce(strings.deleteFailed(text.title));
    return;
  }
  await player.stop?.();
  history.replaceState(null, '', '/listen/');
  showForm(null, null);
  announce(strings.deleted(text.title));
  main?.focus();
}

// ---------------------------------------------------------------------------------------------------------
// Start

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  if (id !== null) {
    let text: SavedText | null = null;
    let problem: string | null = null;
    try {
      text = await getText(id);
    } catch {
      problem = strings.libraryUnavailable;
    }
    if (text) {
      showText(text, true);
    } else {
      history.replaceState(null, '', '/listen/');
      showForm(null, null);
      announce(problem ?? strings.notFound);
    }
    return;
  }
  if (params.has('text') || params.has('url') || params.has('title')) {
    const draft: Draft = {
      title: params.get('title') ?? '',
      text: params.get('text') ?? '',
      url: params.get('url'),
      lang: '',
      format: 'auto',
      source: 'shared',
    };
    // A reload must not save the shared text twice: from now on the address is the saved text's own.
    history.replaceState(null, '', '/listen/');
    await submit(draft, null);
    return;
  }
  showForm(null, null);
}

void start();
