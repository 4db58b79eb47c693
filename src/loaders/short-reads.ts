import { readFileSync, realpathSync, statfsSync } from 'node:fs';

// Reading a file until a read gives nothing costs one read more than its size needs, and on a
// tree of small files that last read is a sixth of the system calls. Local file systems on Linux
// give fewer bytes than asked only at a file's end; FUSE (with direct I/O) and network file
// systems may give fewer before it. So a short read ends a file only where the scan root is on
// one of those local file systems and nothing else is mounted below it.

/** `f_type` of the Linux file systems whose reads of a regular file stop short only at its end. */
const endsAtShortRead = new Map<number, string>([
  [0xef53, 'ext2/ext3/ext4'],
  [0x58465342, 'xfs'],
  [0x9123683e, 'btrfs'],
  [0xf2f52010, 'f2fs'],
  [0x01021994, 'tmpfs'],
  [0x858458f6, 'ramfs'],
  [0x794c7630, 'overlayfs'],
]);

/** A mount point as `/proc/self/mountinfo` writes it, its spaces, tabs, newlines and backslashes as octal escapes. */
const unescapeMountPoint = (field: string): string => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

/** The mount points in a `/proc/self/mountinfo` text: the fifth field of each line. */
export function mountPoints(mountinfo: string): string[] {
  const points: string[] = [];
  for (const line of mountinfo.split('\n')) {
    const field = line.split(' ')[4];
    if (field !== undefined) points.push(unescapeMountPoint(field));
  }
  return points;
}

/**
 * Whether a short read ends a file below `realRoot` (a real path): its file system's `f_type` is
 * one whose short reads come only at a file's end, and no mount point is below it.
 */
export function shortReadsEndFiles(fileSystemType: number, realRoot: string, mounts: readonly string[]): boolean {
  if (!endsAtShortRead.has(fileSystemType)) return false;
  const prefix = realRoot.endsWith('/') ? realRoot : `${realRoot}/`;
  return !mounts.some((point) => point !== realRoot && point.startsWith(prefix));
}

/**
 * Whether a short read ends a file found below `root` on this machine ({@link shortReadsEndFiles}):
 * never off Linux, nor where the root's file system or mounts cannot be read.
 */
export function shortReadsEndFilesBelow(root: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const realRoot = realpathSync.native(root);
    return shortReadsEndFiles(statfsSync(realRoot).type, realRoot, mountPoints(readFileSync('/proc/self/mountinfo', 'utf8')));
  } catch {
    return false;
  }
}
