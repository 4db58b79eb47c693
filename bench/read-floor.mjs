// The least any Node.js scanner of source files does: walk a folder and read every file's bytes,
// on one thread, searching nothing. The code benchmark prints the scanner's time against it
// beside its time against ripgrep, to tell what Node.js costs from what the scanner adds. A file
// is read as the scanner reads one below a root on a local file system (the benchmark's trees are
// in the machine's temporary folder): until a read gives fewer bytes than asked.
import { closeSync, constants, openSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';

let buffer = Buffer.allocUnsafe(1 << 20);
let files = 0;
let bytes = 0;

/** Reads a file until a read gives fewer bytes than asked (or none), into the one buffer, grown as needed. */
function read(file) {
  const fd = openSync(file, constants.O_RDONLY);
  try {
    let at = 0;
    for (;;) {
      if (at === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger);
        buffer = larger;
      }
      const asked = buffer.length - at;
      const count = readSync(fd, buffer, at, asked, at);
      at += count;
      if (count < asked) break;
    }
    bytes += at;
    files++;
  } finally {
    closeSync(fd);
  }
}

const walk = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.isFile()) read(file);
  }
};
walk(process.argv[2]);
process.stdout.write(`${files} files, ${bytes} bytes\n`);
