import { builtin } from '../builtins.js';
import { FileSource, type FileInputs, type FileSourceSettings, type SourceText } from '../loaders/file-source.js';
import { sortProfiles } from '../profiles/resolve-profiles.js';
import { readAgain, type ApartResult, type ApartTask } from './check-apart.js';
import type { CheckedItem, CheckingSource } from './run.js';
import type { ClusterProfile } from '../model/resource.js';
import type { Inputs, SourceItem, SourceNeeds } from '../model/source.js';

/** How a scan spreads its manifests over worker threads. */
export interface WorkerSettings {
  /** The built worker script (`dist/sts-audit-worker.mjs`). */
  file: string;
  /** Worker threads beside the main one. */
  threads: number;
  /**
   * Manifests of fewer bytes than this in all are read on the main thread alone: a worker's start
   * (about 40 ms) costs more than it saves on them.
   */
  minBytes: number;
  /**
   * Manifest files from which a scan starts its workers as it begins, before their bytes are
   * known, so that their start overlaps the reading; with fewer, a worker starts once its files
   * are known.
   */
  minFiles: number;
  /** Each worker's heap limit in MB, past which it stops (its files become input errors). */
  heapMb?: number;
  /** Workers started already ({@link startWorker}): given files first, or stopped if there are none for them. */
  started?: StartedWorker[];
}

/** What a worker thread ends with: its result, or why it stopped without one. */
type WorkerEnd = ApartResult | { stopped: string };

/**
 * A worker thread started before its files are known, so that its start (Node.js's own set-up
 * and the modules it loads) overlaps the main thread's discovery and reading. It waits for its
 * task; until given one it does not keep the process alive.
 */
export interface StartedWorker {
  /** Gives it its files; never rejects: a worker that fails or stops ends as `stopped`. */
  run(task: ApartTask): Promise<WorkerEnd>;
  /** Ends it unused. */
  stop(): void;
}

export function startWorker(settings: Pick<WorkerSettings, 'file' | 'heapMb'>): StartedWorker {
  const worker = new (builtin('node:worker_threads').Worker)(settings.file, settings.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: settings.heapMb } } : {});
  const end = new Promise<WorkerEnd>((resolve) => {
    worker.once('message', (result: ApartResult) => resolve(result));
    worker.once('error', (error) => resolve({ stopped: error.message }));
    worker.once('exit', (code) => resolve({ stopped: `it exited with code ${code} before it was done` }));
  });
  worker.unref();
  return {
    run(task) {
      worker.ref();
      worker.postMessage(task);
      return end;
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * Files as a source, the last of their manifests read and checked in worker threads while the
 * main thread reads the rest ({@link FileSource}): each worker sends back what its checks found
 * and the ServiceAccounts among its files, and the run joins them as if it had read the files
 * itself, in order (`RuleRunner.addChecked`). Without enough manifests to pay for a worker's
 * start, it is the file source alone.
 */
export class ParallelFileSource implements CheckingSource {
  private readonly files: FileSource;
  private readonly workerProfiles: ClusterProfile[] = [];

  private readonly task: Omit<ApartTask, 'files' | 'profileInputs'>;

  /** @param settings plain data (worker threads are given a copy), but for the root, which only the main thread builds in. */
  constructor(input: FileInputs, settings: FileSourceSettings, checks: Pick<ApartTask, 'selection' | 'suppressions'>, private readonly workers: WorkerSettings) {
    this.files = new FileSource(input, settings);
    const { root: _, ...apart } = settings;
    this.task = { ...checks, settings: apart };
  }

  async *read(needs: SourceNeeds, inputs: Inputs): AsyncIterable<SourceItem | CheckedItem> {
    const shares = this.shares();
    for (const files of shares) this.files.leaveApart(files);
    const task = { ...this.task, profileInputs: shares.length > 0 ? this.files.profileInputs(needs, inputs) : { eksctlConfigs: [], clusters: [] } };
    const started = this.workers.started ?? [];
    for (const worker of started.slice(shares.length)) worker.stop();
    const ends = shares.map((files, index) => (started[index] ?? startWorker(this.workers)).run({ ...task, files }));
    yield* this.files.read(needs, inputs);
    for (const [index, files] of shares.entries()) {
      const end = await ends[index]!;
      if ('stopped' in end) {
        for (const file of files) inputs.errors.push({ path: file.path, message: `not checked: the worker thread reading it stopped (${end.stopped})` });
        continue;
      }
      addInputs(inputs, end.inputs);
      this.workerProfiles.push(...end.profiles);
      const byPath = new Map(files.map((file) => [file.path, file]));
      yield { checked: end.checked, testCode: end.testCode, inventory: end.inventory, recheck: (object) => readAgain(byPath.get(object.path)!, object, task, needs) };
    }
  }

  /**
   * The manifests each worker reads: the last ones, in order, as the run checks worker threads'
   * files after the main thread's. The main thread keeps an equal share of the bytes.
   */
  private shares(): SourceText[][] {
    const manifests = this.files.separableManifests();
    const bytes = manifests.reduce((sum, file) => sum + file.text.length, 0);
    if (this.workers.threads < 1 || bytes < this.workers.minBytes || manifests.length < 2) return [];
    const share = bytes / (this.workers.threads + 1);
    const shares: SourceText[][] = [];
    let taken = 0;
    for (const file of manifests) {
      const thread = Math.min(Math.floor(taken / share), this.workers.threads);
      taken += file.text.length;
      if (thread > 0) (shares[thread - 1] ??= []).push(file);
    }
    return shares.filter(Boolean);
  }

  profiles(): ClusterProfile[] {
    return sortProfiles([...this.files.profiles(), ...this.workerProfiles]);
  }

  texts(): Iterable<{ path: string; text: string }> {
    return this.files.texts();
  }
}

/** Adds what a worker thread read to the run's inputs. */
function addInputs(inputs: Inputs, read: Inputs): void {
  inputs.files += read.files;
  inputs.documents += read.documents;
  inputs.objects += read.objects;
  inputs.skipped.push(...read.skipped);
  inputs.errors.push(...read.errors);
}
