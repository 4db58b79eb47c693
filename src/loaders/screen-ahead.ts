import { builtin } from '../builtins.js';
import { passedOver } from './code-screen.js';
import { isManifestFile, type InputFile } from './discover-files.js';
import { fileState, joinPaths, type ScreenBatch, type ScreenWorkerData } from './screen-table.js';
import type { Worker } from 'node:worker_threads';

/** Files the table holds: those found after it is full are read on the main thread alone. */
const capacity = 1 << 20;

/** Files posted to a thread at once while discovery goes on. */
const batchSize = 256;

/**
 * Source and config files found before the threads to start are asked for, when that is fewer
 * than {@link ScreenAheadSettings.minFiles}: a scan that has none to start (one or two cores)
 * keeps no more of them, where it kept every file until the threads would have started.
 */
const filesBeforeAsking = 1_000;

/** How a scan screens its source and config files in worker threads. */
export interface ScreenAheadSettings {
  /** Source and config files found before the threads start: with fewer, none starts. */
  minFiles: number;
  maxBytes: number;
  /** A read that gives fewer bytes than asked ends a file (`readSize`). */
  shortReadEnds?: boolean;
  /**
   * The worker script (`dist/sts-audit-screen-worker.mjs`) and how many threads to start beside
   * the main one, looked up only as they start (most scans have too few files): none, to start none.
   */
  threads(): { file: string; count: number } | undefined;
}

/**
 * Screens source and config files ahead of the main thread's reading, in worker threads, as
 * discovery finds them. Most such files hold nothing the scan decodes, and opening, reading and
 * searching them is most of a large code scan; threads that share that work take files from the
 * start of a shared table, and the main thread, once discovery ends, from its end, each taking a
 * file by an atomic compare-and-swap. The threads only tell which files hold nothing: every other
 * file (a hit, one to skip, an error, one a thread was screening when it stopped) is read by the
 * main thread as before, so a thread that fails or stops loses nothing and changes nothing, and
 * the main thread never waits for one.
 */
export class ScreenAhead {
  /** The shared table, made as the threads start: without them, nothing is screened ahead. */
  private states: Uint8Array | undefined;
  private readonly files: InputFile[] = [];
  /** Where {@link passedOver} expects the next file asked of it: files are asked in the order found. */
  private next = 0;
  /** Each file's index in the table, made at the first file asked out of order. */
  private indexOf: Map<InputFile, number> | undefined;
  private readonly workers: Worker[] = [];
  /** Whether the threads were started (or tried): once a scan. */
  private started = false;
  /** The threads to start, once asked for: none (undefined) ends the screening ahead. */
  private threads: ReturnType<ScreenAheadSettings['threads']> | 'unasked' = 'unasked';
  /** Files posted to the threads so far. */
  private posted = 0;

  constructor(private readonly settings: ScreenAheadSettings) {}

  /** A file discovery found: a source or config file is entered in the table, and the threads start once there are enough. */
  found(file: InputFile): void {
    // Once the threads were asked for and none started (one or two cores), nothing is kept.
    if ((this.started && this.workers.length === 0) || isManifestFile(file.path) || this.files.length >= capacity) return;
    this.files.push(file);
    if (!this.started && this.threads === 'unasked' && this.files.length >= Math.min(this.settings.minFiles, filesBeforeAsking)) this.ask();
    if (!this.started && this.files.length >= this.settings.minFiles) this.start();
    if (this.workers.length > 0 && this.files.length - this.posted >= batchSize) this.post();
  }

  /**
   * Once discovery is done: posts the files left, screens on the main thread every file no
   * thread has taken, from the last one back, and stops the threads. Returns how many files the
   * main thread screened.
   */
  finish(): number {
    const { states, files, settings } = this;
    if (!states) return 0;
    this.post();
    let screened = 0;
    for (let index = files.length - 1; index >= 0; index--) {
      if (Atomics.compareExchange(states, index, fileState.free, fileState.taken) !== fileState.free) continue;
      const file = files[index]!;
      Atomics.store(states, index, passedOver(file.path, file.openPath, settings.maxBytes, settings.shortReadEnds) ? fileState.passedOver : fileState.toRead);
      screened++;
    }
    for (const worker of this.workers) void worker.terminate();
    return screened;
  }

  /** How many files have been screened so far: before {@link finish}, all by the threads. */
  screenedAhead(): number {
    let screened = 0;
    for (let index = 0; this.states && index < this.files.length; index++) if (Atomics.load(this.states, index) >= fileState.passedOver) screened++;
    return screened;
  }

  /** Whether a file was screened and holds nothing to decode. */
  passedOver = (file: InputFile): boolean => {
    const { states, files } = this;
    if (!states) return false;
    let index: number | undefined = this.next;
    if (files[index] === file) this.next++;
    else index = (this.indexOf ??= new Map(files.map((each, at) => [each, at]))).get(file);
    return index !== undefined && Atomics.load(states, index) === fileState.passedOver;
  };

  /**
   * Asks for the threads to start: with none (one or two cores), nothing more is kept, as if they
   * were started, and neither the worker threads' module (which loads Node.js's streams, about
   * 3 ms) nor the table is made.
   */
  private ask(): void {
    const threads = this.settings.threads();
    this.threads = threads !== undefined && threads.count >= 1 ? threads : undefined;
    if (this.threads === undefined) {
      this.started = true;
      this.files.length = 0;
    }
  }

  /** Starts the threads asked for ({@link ask}, always first). */
  private start(): void {
    const threads = this.threads;
    this.started = true;
    if (threads === undefined || threads === 'unasked') return;
    const { Worker } = builtin('node:worker_threads');
    const buffer = new SharedArrayBuffer(capacity);
    this.states = new Uint8Array(buffer);
    const workerData: ScreenWorkerData = { states: buffer, maxBytes: this.settings.maxBytes, shortReadEnds: this.settings.shortReadEnds === true };
    for (let thread = 0; thread < threads.count; thread++) {
      let worker: Worker;
      try {
        worker = new Worker(threads.file, { workerData });
      } catch {
        break;
      }
      // A thread that fails is let go: the main thread screens what it did not.
      worker.on('error', () => {});
      worker.unref();
      this.workers.push(worker);
    }
    // Without a thread, the main thread reads every file as it would have, and none is kept.
    if (this.workers.length === 0) {
      this.states = undefined;
      this.files.length = 0;
    }
  }

  /** Posts the files found since the last post, a batch to each thread in turn. */
  private post(): void {
    const { files, posted, workers } = this;
    if (workers.length === 0 || posted === files.length) return;
    const paths: string[] = [];
    const openPaths: string[] = [];
    for (let index = posted; index < files.length; index++) {
      paths.push(files[index]!.path);
      openPaths.push(files[index]!.openPath);
    }
    const batch: ScreenBatch = { first: posted, paths: joinPaths(paths), openPaths: joinPaths(openPaths) };
    workers[Math.floor(posted / batchSize) % workers.length]!.postMessage(batch);
    this.posted = files.length;
  }
}
