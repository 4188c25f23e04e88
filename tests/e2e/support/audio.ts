// Recording the test sink, to prove that speech made sound: record the sink's monitor with
// `parec`, then measure it with `sox FILE -n stat` (speech: RMS about 0.08 to 0.15; silence: 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SINK_NAME } from './env';

export interface SoundStats {
  /** RMS amplitude (0…1). Speech gives about 0.08 to 0.15, silence 0. */
  rms: number;
  /** Largest absolute sample (0…1). */
  maxAmplitude: number;
  /** Length of the recording in seconds. */
  seconds: number;
  /** The WAV file (already removed unless `keepFile` was set). */
  file: string;
}

export interface Recording {
  /** Stops recording and measures what was recorded. */
  stop(): Promise<SoundStats>;
}

export interface RecordOptions {
  /** PulseAudio sink whose monitor is recorded (default: the test sink). */
  sink?: string;
  /** Keep the WAV file for inspection (its path is in the result). */
  keepFile?: boolean;
}

/** Only the RMS amplitude below this counts as silence in assertions (`expect(rms).toBeGreaterThan(SILENCE_RMS)`). */
export const SILENCE_RMS = 0.01;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/** Measures a WAV file with `sox FILE -n stat`. */
export async function measureSound(file: string): Promise<Omit<SoundStats, 'file'>> {
  const child = spawn('sox', [file, '-n', 'stat'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s*(-?[\\d.]+(?:e-?\\d+)?)`, 'm').exec(output);
    if (!match?.[1])
      throw new Error(`sox stat (exit ${String(code)}) gave no "${name}":\n${output}`);
    return Number(match[1]);
  };
  return {
    rms: field('RMS\\s+amplitude'),
    maxAmplitude: field('Maximum amplitude'),
    seconds: field('Length \\(seconds\\)'),
  };
}

/**
 * Starts recording the sink's monitor. Resolves once data is flowing.
 *
 * ```ts
 * const recording = await startRecording();
 * await page.click('button');            // …speech plays…
 * const { rms } = await recording.stop();
 * expect(rms).toBeGreaterThan(SILENCE_RMS);
 * ```
 */
export async function startRecording(options: RecordOptions = {}): Promise<Recording> {
  const sink = options.sink ?? SINK_NAME;
  const dir = await mkdtemp(join(tmpdir(), 'ap-rec-'));
  const file = join(dir, 'sink.wav');
  // A small latency: otherwise parec gets the samples in 2-second fragments and loses the
  // last fragment on stop. After an idle (suspended) sink resumes, the first samples arrive
  // about 1.5 to 2 s later: wait for them, so that nothing the test plays is missed.
  const parec = spawn(
    'parec',
    ['-d', `${sink}.monitor`, '--latency-msec=20', '--file-format=wav', file],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  parec.stderr.setEncoding('utf8');
  parec.stderr.on('data', (chunk: string) => (errors += chunk));
  const spawnError = new Promise<Error>((resolve) => parec.once('error', resolve));
  const earlyExit = exited(parec).then(
    () => new Error(`parec exited (${String(parec.exitCode)}): ${errors}`),
  );

  // Wait until samples arrive (past the 44-byte WAV header), or parec fails.
  const deadline = Date.now() + 5_000;
  for (;;) {
    if ((await fileSize(file)) > 1_000) break;
    const failure = await Promise.race([
      spawnError,
      earlyExit,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 25)),
    ]);
    if (failure) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Cannot record ${sink}.monitor: ${failure.message}`);
    }
    if (Date.now() > deadline) {
      parec.kill('SIGINT');
      await exited(parec);
      await rm(dir, { recursive: true, force: true });
      throw new Error(`parec wrote no samples from ${sink}.monitor within 5 s. ${errors}`);
    }
  }

  let result: Promise<SoundStats> | null = null;
  return {
    stop() {
      result ??= (async () => {
        parec.kill('SIGINT'); // parec finishes the WAV header on SIGINT
        await exited(parec);
        try {
          return { ...(await measureSound(file)), file };
        } finally {
          if (!options.keepFile) await rm(dir, { recursive: true, force: true });
        }
      })();
      return result;
    },
  };
}

/** Records the sink for `durationMs` and measures it. */
export async function recordSink(
  durationMs: number,
  options: RecordOptions = {},
): Promise<SoundStats> {
  const recording = await startRecording(options);
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  return recording.stop();
}
