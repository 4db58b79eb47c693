import { helmReader } from './helm-reader.js';
import type { DeclarationReader } from '../../model/declared.js';

/**
 * Every declaration reader, one per input kind that declares objects made at deploy time. Each
 * names the files it wants by a cheap test, so a scan with none of them pays nothing.
 */
export const declarationReaders: readonly DeclarationReader[] = [
  helmReader,
];
