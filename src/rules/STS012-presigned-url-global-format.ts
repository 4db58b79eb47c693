import { isInMessage } from '../endpoints/code-context.js';
import { endpoints } from '../facts.js';
import type { FileRule } from './rule.js';

const presignedGlobal = new RegExp(endpoints.presignedGlobalPattern, 'g');

/** presigned-url-global-format: code builds or matches S3 URLs of the global form `<bucket>.s3.amazonaws.com`. */
export const STS012: FileRule<'STS012'> = {
  id: 'STS012',
  checkFile(file, context) {
    for (const match of file.code.matchAll(presignedGlobal)) {
      const host = match.groups?.host as string;
      const index = match.index + match[0].length - host.length;
      // A log line, an error or a doc string that shows such a URL neither builds nor matches one.
      if (isInMessage(file.code, index, index + host.length)) continue;
      context.report({ index, length: host.length, messageId: 'globalFormat', data: { text: host } });
    }
  },
};
