/** Lines a pull request added or changed, by file; `all` where the API gave no patch to read. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/** What the pull request files API says of one file (`GET /repos/{owner}/{repo}/pulls/{n}/files`). */
interface PullRequestFile {
  filename: string;
  status: string;
  patch?: string;
}

/** The REST API lists at most this many files of a pull request (30 pages of 100). */
export const pullRequestFileLimit = 3000;
const perPage = 100;

/** The new-side line numbers that a unified diff adds. */
export function addedLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let line = 0;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (line === 0 || text.startsWith('\\')) continue;
    if (text.startsWith('+')) lines.add(line++);
    else if (!text.startsWith('-')) line++;
  }
  return lines;
}

/** Where to ask, and with which token. */
export interface PullRequestRef {
  apiUrl: string;
  repository: string;
  number: number;
  token: string;
}

/**
 * The lines a pull request changed, page by page. A file the API gives no patch for (too large,
 * binary) counts as changed throughout. `complete` is false past the API's file limit.
 */
export async function changedLines(ref: PullRequestRef): Promise<{ lines: ChangedLines; complete: boolean }> {
  const lines: ChangedLines = new Map();
  let fetched = 0;
  for (let page = 1; page <= pullRequestFileLimit / perPage; page++) {
    const url = `${ref.apiUrl}/repos/${ref.repository}/pulls/${ref.number}/files?per_page=${perPage}&page=${page}`;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${ref.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    });
    if (!response.ok) throw new Error(`listing the pull request's files failed: ${response.status} ${response.statusText}`);
    const files = (await response.json()) as PullRequestFile[];
    for (const file of files) {
      if (file.status === 'removed') continue;
      lines.set(file.filename, file.patch === undefined ? 'all' : addedLines(file.patch));
    }
    fetched += files.length;
    if (files.length < perPage) return { lines, complete: true };
  }
  return { lines, complete: fetched < pullRequestFileLimit };
}
