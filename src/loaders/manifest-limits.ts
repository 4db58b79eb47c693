// Apart from the parser, so that the library's public types (ScanOptions names these) do not
// refer to the YAML library, which the package bundles rather than installs.

/**
 * Bounds on what one file may make the scanner build; a file beyond one is reported as an error.
 * Kubernetes objects come nowhere near them.
 */
export interface ManifestLimits {
  /** Documents in one file. */
  maxDocuments: number;
  /** Nesting of collections, counting what aliases stand for. */
  maxDepth: number;
  /** Nodes that aliases stand for, in all, in one file: nine levels of ten aliases make a billion. */
  maxAliasNodes: number;
}

/** The limits unless the caller sets others. */
export const defaultManifestLimits: ManifestLimits = { maxDocuments: 100_000, maxDepth: 256, maxAliasNodes: 100_000 };
