// The end-to-end test harness. Import from here:
//   import { launchBrowser, url, startRecording, expectNoAxeViolations } from './support';
export { BASE_URL, CHROMIUM_PATH, PORT, SINK_NAME, url } from './env';
export { CHROMIUM_ARGS, launchBrowser, type LaunchedBrowser, type LaunchOptions } from './browser';
export {
  measureSound,
  recordSink,
  SILENCE_RMS,
  startRecording,
  type RecordOptions,
  type Recording,
  type SoundStats,
} from './audio';
export { axeScan, expectNoAxeViolations, formatViolations, type AxeOptions } from './axe';
export {
  installSpeechLog,
  speechLog,
  waitForSpeech,
  waitForVoices,
  type SpeechLogEntry,
  type SpeechLogType,
} from './speech';
