/**
 * Every string the app (not the player) shows or announces, in one place so that it can be translated.
 * Functions take the values they interpolate. The player's own strings are in src/core/strings.ts.
 */
/**
 * The language of these strings. A page in another language (a French article's) marks the
 * app's own parts with it (its header, dock and footer; WCAG 3.1.2), and the app speaks them in it.
 */
export const APP_LANG = 'en';

export const strings = {
  // Connection and offline availability
  offlineBadge: 'Offline',
  nowOffline: 'You are offline. Articles saved on this device still work.',
  backOnline: 'You are back online.',
  availableOffline: 'Available offline',
  allAvailableOffline: (count: number) =>
    count === 1
      ? 'This article is saved on this device: it works offline.'
      : `All ${String(count)} articles are saved on this device: they work offline.`,
  someAvailableOffline: (saved: number, total: number) =>
    `${String(saved)} of ${String(total)} articles are saved on this device for offline use.`,
  savingForOffline: 'Saving the articles on this device for offline use…',
  offlineReady: 'Ready to work offline: every article is saved on this device.',
  offlineUnsupported:
    'This browser cannot keep the app for offline use. Everything works while you are online.',
  offlineSaveFailed: (reason: string) =>
    `The app could not be saved for offline use (${reason}). Everything still works while you are online.`,
  storageFull: 'your device is short of storage space',
  storagePersistent: 'Your browser will keep the saved articles until you remove them.',
  storageBestEffort:
    'Your browser may remove the saved articles if your device runs short of space; they come back when you are online.',

  // Updates
  updateReady: 'A new version is ready.',
  updateButton: 'Update now',
  updateButtonWhilePlaying: 'Update now (keeps your place)',
  updating: 'Updating…',
  updatedResumeHere: (paragraph: number) =>
    `Updated to the new version. Press Play to go on from paragraph ${String(paragraph)}.`,
  updatedElsewhere:
    'A new version was installed in another window. It will be used the next time you open the app.',

  // Install
  installButton: 'Install app',
  installed: 'Installed. You can open Article player from your home screen or app list.',
  installDismissed:
    'Not installed. You can install it later with “Install app” at the top of the page.',

  // Version
  version: (version: string) => `Version ${version}`,

  // Library of saved texts (home page)
  savedHeading: 'Saved on this device',
  savedEmpty:
    'Nothing saved yet. Texts you share to the app or paste here are kept on this device.',
  savedMeta: (minutes: number, date: string) => `${String(minutes)} min listen · saved ${date}`,
  deleteSaved: (title: string) => `Delete “${title}”`,
  deleteLabel: 'Delete',
  deleted: (title: string) => `Deleted “${title}”.`,
  deleteFailed: (title: string) => `“${title}” could not be deleted. Please try again.`,
  libraryUnavailable:
    'Saved texts cannot be shown: this browser does not allow the app to store data (private browsing can do this).',

  // The listen page
  listenTitle: 'Listen to your own text',
  pasteLegendFormat: 'The text is',
  formatAuto: 'Detect automatically',
  formatText: 'Plain text',
  formatHtml: 'HTML (the source of a web page)',
  titleLabel: 'Title (optional)',
  textLabel: 'Text to listen to',
  textHint: 'Paste or type any text, or the HTML of a web page. It is kept on this device only.',
  languageLabel: 'Language',
  listenButton: 'Save and listen',
  saving: 'Saving…',
  saved: (title: string) => `Saved “${title}” on this device.`,
  savedButNotKept:
    'You can listen now, but this text could not be kept on this device: this browser does not allow the app to store data.',
  savedStorageFull:
    'You can listen now, but this text could not be kept: your device is out of storage space. Delete something you saved, then try again.',
  notFound: 'That saved text is not on this device any more. It may have been deleted.',
  deleteThis: 'Delete from this device',
  backToLibrary: 'Back to all articles',
  sharedFrom: (url: string) => `Shared from ${url}`,
  untitled: 'Untitled text',

  // Problems with the input
  errorEmpty: 'There is no text to listen to. Paste or type some text first.',
  errorNoWords: 'This text has no words to read aloud. Paste text with letters or numbers in it.',
  errorTooLong: (characters: string, limit: string) =>
    `This text is too long to keep: ${characters} characters, and the limit is ${limit}. Paste a shorter part of it.`,
  errorHtmlTooLong: (characters: string, limit: string) =>
    `This page’s HTML is too big to read here: ${characters} characters, and the limit is ${limit}. Copy the article’s text from the page and paste that instead.`,
  errorBinary:
    'This does not look like text: it has too many unreadable characters. If it is a document such as a PDF, open it, copy its text and paste that here.',
  errorUrlOnly: (url: string) =>
    `Only a link was shared (${url}), and this app does not fetch web pages. Open the page, copy its text, and paste it here.`,
  errorHtmlNoArticle:
    'No readable text was found in this HTML. Try pasting the text itself instead.',
  errorTitleTooLong: 'The title is too long. Use at most 300 characters.',

  // Up next: the queue, on the home page and in the player
  queueHeading: 'Up next',
  queueEmpty:
    'Nothing in Up next. Add articles or saved texts with “Add to Up next”, then press Play all to hear them one after another.',
  playAll: 'Play all',
  clearQueue: 'Clear Up next',
  continuousLabel: 'Go on to the next article at the end of each one',
  addToQueue: 'Add to Up next',
  addToQueueLabel: (title: string) => `Add “${title}” to Up next`,
  removeFromQueue: 'Remove',
  removeFromQueueCard: 'Remove from Up next',
  removeFromQueueLabel: (title: string) => `Remove “${title}” from Up next`,
  moveUp: 'Move up',
  moveDown: 'Move down',
  moveUpLabel: (title: string) => `Move “${title}” up`,
  moveDownLabel: (title: string) => `Move “${title}” down`,
  added: (title: string, total: number) =>
    `Added “${title}” to Up next: ${String(total)} ${total === 1 ? 'item' : 'items'}.`,
  removed: (title: string, total: number) =>
    `Removed “${title}” from Up next: ${String(total)} ${total === 1 ? 'item' : 'items'} left.`,
  moved: (title: string, index: number, total: number) =>
    `“${title}” is now ${String(index)} of ${String(total)} in Up next.`,
  cleared: 'Up next is empty.',
  continuousOn: 'The next article will start at the end of each one.',
  continuousOff: 'Playback will stop at the end of each article.',
  skippedMissing: (title: string) =>
    `“${title}” is not on this device any more: skipped, and removed from Up next.`,
  queueUnavailable: 'Up next could not be opened. Please try again.',
  // In the player
  upNextAnnounced: (title: string) => `Next: ${title}`,
  /** Before the next article's title, which is marked with its own language. */
  upNextLabel: 'Next:',
  /**
   * Said between two articles: the next one then says its own title, in its own language's voice
   * (the title here too would be heard twice, the second time perhaps in another language's voice).
   */
  upNextSpoken: 'Next article.',
  cancelNext: 'Cancel next article',
  upNextCancelled: 'Cancelled: the next article will not start.',
  queuePlace: (index: number, total: number) => `${String(index)} of ${String(total)}`,
  queuePlaceLong: (index: number, total: number) => `Up next: ${String(index)} of ${String(total)}`,
  nowPlaying: (title: string, index: number, total: number) =>
    `Playing “${title}”, ${String(index)} of ${String(total)} in Up next.`,
  queueFinished: 'That was the last article in Up next.',
  lastInQueue: 'This is the last article in Up next.',
  firstInQueue: 'This is the first article in Up next.',

  // Listening progress, on the home page
  notStarted: 'Not started',
  percentHeard: (percent: number) => `${String(percent)} % heard`,
  finished: 'Finished',
  minutesLeft: (minutes: number) => `${String(minutes)} min left`,
  play: 'Play',
  playLabel: (title: string) => `Play “${title}”`,
  continueLabel: (title: string) => `Continue “${title}”`,
  continueButton: 'Continue',
  markFinished: 'Mark as finished',
  markFinishedLabel: (title: string) => `Mark “${title}” as finished`,
  startOver: 'Start over',
  startOverLabel: (title: string) => `Start “${title}” over`,
  markedFinished: (title: string) => `Marked “${title}” as finished.`,

  // The offline page
  offlineTitle: 'This page is not available offline',
  offlineBody:
    'You are offline, and this page was not saved on this device. These articles are saved and work offline:',
  offlineNoArticles:
    'No articles are saved on this device yet. Open the app once while online to save them.',
} as const;
