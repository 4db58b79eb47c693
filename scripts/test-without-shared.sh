#!/usr/bin/env bash
# Runs the README's install and test commands in a copy of this working tree that has nothing
# beside it, as a user's fresh clone has no ../shared: the suite must pass from what the
# repository carries, with the tests over optional outside corpora skipped and saying why.
set -euo pipefail
cd "$(dirname "$0")/.."
parent="$(mktemp -d)"
trap 'rm -rf "$parent"' EXIT
# mktemp makes the folder private; the tests run the command line as an unprivileged user too.
chmod 755 "$parent"
copy="$parent/sts-audit"
mkdir "$copy"
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done \
  | tar --null --files-from=- -cf - | tar -xf - -C "$copy"
cd "$copy"
test ! -e ../shared
npm ci --no-audit --no-fund
npm test
