import { describe, expect, it } from 'vitest';
import { expected, positives, readsPresignedUrls, run } from './code-cases.js';

describe('STS012 presigned-url-global-format', () => {
  it.each(positives.filter(readsPresignedUrls).map((testCase) => [testCase.file, testCase] as const))('find the literal in %s', (_, testCase) => {
    expect(run(testCase)).toEqual(expected(testCase));
  });
});
