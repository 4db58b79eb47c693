// Loaded before anything else, so that an old Node.js is told what it lacks rather than failing
// somewhere inside a dependency: keep this file free of imports and of syntax newer than ES2017.

/** The oldest Node.js each command runs on, and why. */
export const minimumNode = {
  // undici 8, the HTTP client of @kubernetes/client-node 2, declares `engines.node >=22.19.0`;
  // on Node 20 it fails at load ("Cannot read properties of undefined (reading 'bind')").
  cluster: '22.19.0',
  // `scan` and `rules` were run on Node 20 (minimatch declares `20 || >=22`); older ones are not tried.
  other: '20.0.0',
} as const;

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('-')[0]!
    .split('.')
    .map((part) => Number(part) || 0);
}

/** Whether version `a` is older than version `b`; both `X.Y.Z`, with or without a leading `v`. */
function older(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) < (y[i] || 0);
  return false;
}

/**
 * The message that refuses to run `args` (the command line after the script) on Node.js
 * `version`, or undefined when it can run.
 */
export function nodeVersionProblem(args: readonly string[], version: string): string | undefined {
  const command = args.filter((arg) => !arg.startsWith('-'))[0];
  const needed = command === 'cluster' ? minimumNode.cluster : minimumNode.other;
  if (!older(version, needed)) return undefined;
  const what = command === 'cluster' ? '`sts-audit cluster`' : 'sts-audit';
  return `${what} needs Node.js ${needed} or later; this is Node.js ${version.replace(/^v/, '')}`;
}
