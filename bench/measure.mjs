// What every benchmark shares: timing a command with its peak RSS, timing it against its baseline
// in the same run, and the summary of ratios. Absolute times depend on the machine and on what
// else runs on it; the ratio to a baseline timed alternately beside it is what carries over.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';

const gnuTime = '/usr/bin/time';

/** How peak RSS is measured here. */
export const rssMethod = existsSync(gnuTime) ? '/usr/bin/time -f %M' : 'VmHWM polled from /proc';

/** Peak RSS of a running process in KB, from /proc (the fallback without /usr/bin/time). */
function vmHwm(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Runs a command in `cwd` with its stdout in a file; resolves with seconds, peak RSS (MB), exit
 * status and stderr, and rejects on an exit status not in `ok`.
 */
export function measure(command, args, { cwd, outFile, ok = [0] }) {
  const useTime = existsSync(gnuTime);
  const rssFile = `${outFile}.rss`;
  const [file, argv] = useTime ? [gnuTime, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const out = openSync(outFile, 'w');
  const start = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd, stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  let peak = 0;
  // Without /usr/bin/time, the child is the command itself: poll its high-water mark.
  const poll = useTime ? undefined : setInterval(() => (peak = Math.max(peak, vmHwm(child.pid))), 20);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (poll) clearInterval(poll);
      if (useTime) peak = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      if (!ok.includes(status)) reject(new Error(`${command} ${args.join(' ')} exited ${status}: ${stderr.slice(0, 2000)}`));
      else resolve({ seconds, rssMb: peak / 1024, status, stderr });
    });
  });
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const seconds = (values) => `[${values.map((t) => t.toFixed(3)).join(', ')}]`;

/**
 * Times `subject` against `baseline` (each `{ label, run }`, `run` resolving as {@link measure}
 * does): one warm-up of each, so that caches treat both alike, then `runs` of each, alternating,
 * so that a busy moment of the machine falls on both. Prints both and the ratio of the medians;
 * returns the summary row. A comparison with no `target` is printed for reference.
 */
export async function compare({ name, subject, baseline, runs, target, rssTargetMb }) {
  await subject.run();
  await baseline.run();
  const subjects = [];
  const baselines = [];
  for (let i = 0; i < runs; i++) {
    subjects.push(await subject.run());
    baselines.push(await baseline.run());
  }
  const row = {
    name,
    ratio: median(subjects.map((r) => r.seconds)) / median(baselines.map((r) => r.seconds)),
    target,
    seconds: median(subjects.map((r) => r.seconds)),
    rssMb: Math.max(...subjects.map((r) => r.rssMb)),
    rssTargetMb,
    baselineLabel: baseline.label,
    baselineSeconds: median(baselines.map((r) => r.seconds)),
    baselineRssMb: Math.max(...baselines.map((r) => r.rssMb)),
  };
  console.log(`${subject.label}: median ${row.seconds.toFixed(3)} s over ${runs} runs ${seconds(subjects.map((r) => r.seconds))}; peak RSS ${row.rssMb.toFixed(0)} MB`);
  console.log(`${baseline.label}: median ${row.baselineSeconds.toFixed(3)} s ${seconds(baselines.map((r) => r.seconds))}; peak RSS ${row.baselineRssMb.toFixed(0)} MB`);
  const aim = target === undefined ? 'no target: for reference' : `target <= ${target}x`;
  console.log(`${name} ratio: ${row.ratio.toFixed(2)}x (${aim})${rssTargetMb ? `; peak RSS ${row.rssMb.toFixed(0)} MB (target < ${rssTargetMb} MB)` : ''}`);
  return row;
}

/** The machine, as the summary names it. */
export function describeMachine() {
  const cpus = os.cpus();
  const [load] = os.loadavg();
  return `${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, ${os.type()} ${os.release()}, Node ${process.version}; load average ${load.toFixed(1)}`;
}

/** The closing table: one line per benchmark, its ratio against its target and its peak RSS. */
export function printSummary(rows, machineAtStart) {
  const within = (row) => row.ratio <= row.target && (!row.rssTargetMb || row.rssMb < row.rssTargetMb) && !row.problem;
  const verdict = (row) => (row.target === undefined ? 'for reference' : within(row) ? 'within target' : `OVER TARGET${row.problem ? ` (${row.problem})` : ''}`);
  console.log('');
  console.log('summary: ratios of medians timed in this run; the seconds are only this machine\'s');
  console.log(`machine: ${machineAtStart} at the start, ${os.loadavg()[0].toFixed(1)} at the end`);
  const width = Math.max(...rows.map((row) => row.name.length), 'benchmark'.length);
  console.log(`${'benchmark'.padEnd(width)}   ratio  target    peak RSS        example: sts-audit, baseline`);
  for (const row of rows) {
    const rss = `${row.rssMb.toFixed(0)} MB${row.rssTargetMb ? ` (< ${row.rssTargetMb})` : ''}`;
    const example = `${row.seconds.toFixed(2)} s, ${row.baselineLabel} ${row.baselineSeconds.toFixed(2)} s`;
    const target = row.target === undefined ? '-' : `<= ${row.target}x`;
    console.log(`${row.name.padEnd(width)}  ${`${row.ratio.toFixed(2)}x`.padStart(6)}  ${target.padEnd(8)}  ${rss.padEnd(14)}  ${example}  ${verdict(row)}`);
  }
}
