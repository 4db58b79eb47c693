/** An AWS provider block's opening: `provider "aws" {`. */
const awsProvider = /\bprovider\s+"aws"\s*\{/g;
/** A literal region argument of the block, at its own nesting level. */
const regionArgument = /^[ \t]*region[ \t]*=[ \t]*"([a-z]{2}(?:-[a-z]+)+-\d+)"/;

/**
 * The region of the Terraform `provider "aws"` block that encloses `index` in HCL code, when it
 * names one literally: an `endpoints { sts = … }` block runs in that provider's Region, whatever
 * the cluster's profile says. Undefined outside such a block, or for a region from a variable.
 */
export function providerRegion(code: string, index: number): string | undefined {
  let found: string | undefined;
  for (const opening of code.matchAll(awsProvider)) {
    const start = opening.index + opening[0].length;
    if (start > index) break;
    const end = blockEnd(code, start);
    if (end < index) continue;
    found = undefined;
    let depth = 0;
    for (let i = start; i < end; i++) {
      const char = code[i];
      if (char === '{') depth++;
      else if (char === '}') depth--;
      else if (char === '\n' && depth === 0) found ??= regionArgument.exec(code.slice(i + 1, end))?.[1];
    }
  }
  return found;
}

/** The index of the `}` that closes the block whose body starts at `start`; the text's end when it is not closed. */
function blockEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return code.length;
}
