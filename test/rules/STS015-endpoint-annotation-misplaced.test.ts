import { describe, expect, it } from 'vitest';
import { scanFiles, where, yaml } from '../helpers.js';
import { deployment, regionalCluster } from './fixtures.js';

describe('STS015 endpoint-annotation-misplaced', () => {
  it('fires on the pod template’s annotations, at the key', () => {
    const text = deployment(['image: app'], { templateAnnotations: ['eks.amazonaws.com/sts-regional-endpoints: "true"', 'eks.amazonaws.com/role-arn: arn'] });
    expect(where(scanFiles({ 'd.yaml': text }, regionalCluster))).toEqual(['STS015 d.yaml:10:9-49', 'STS015 d.yaml:11:9-35']);
  });

  it('fires on a Pod’s and a workload’s own annotations', () => {
    const pod = yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', '    eks.amazonaws.com/role-arn: arn', 'spec: {containers: [{name: a}]}');
    const job = yaml('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', '  annotations: {"eks.amazonaws.com/sts-regional-endpoints": "true"}', 'spec: {template: {spec: {containers: []}}}');
    expect(where(scanFiles({ 'pod.yaml': pod, 'job.yaml': job }, regionalCluster))).toEqual(['STS015 job.yaml:5:17-59', 'STS015 pod.yaml:6:5-31']);
  });

  it('ignores other annotations of the same family and keys that only end alike', () => {
    const text = deployment(['image: app'], {
      templateAnnotations: ['eks.amazonaws.com/skip-containers: main', 'eks.amazonaws.com/token-expiration: "86400"', 'testing.eks.amazonaws.com/role-arn: x'],
    });
    expect(scanFiles({ 'd.yaml': text }, regionalCluster).findings).toEqual([]);
  });
});
