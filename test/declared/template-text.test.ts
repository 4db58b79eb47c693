import { describe, expect, it } from 'vitest';
import { scanTexts } from '../../src/engine/scan.js';

// Not YAML even with its actions masked: two quoted scalars on one line.
const template = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-aws
data:
  args: "{{ .Values.a }}" "{{ .Values.b }}"
  sts_endpoint: https://sts.amazonaws.com
  token_path: /var/run/secrets/sts.amazonaws.com/serviceaccount/token
  audience: sts.amazonaws.com
`;

describe('a chart template that is not YAML even with its actions masked', () => {
  it('is read as text: a global host written in it is found at its line, the audience and token path are not, and it is listed as read only in part', () => {
    const report = scanTexts([{ path: 'chart/templates/configmap.yaml', text: template }]);
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.location!.path}:${finding.location!.startLine}:${finding.location!.startColumn}`)).toEqual([
      'STS008 chart/templates/configmap.yaml:7:25',
    ]);
    expect(report.inputs.skipped).toEqual([]);
    expect(report.inputs.files).toBe(1);
    expect(report.inputs.unanalysed).toEqual([
      { path: 'chart/templates/configmap.yaml', kind: 'helm-chart', reason: expect.stringMatching(/; only its text is read, for the hosts and endpoint settings written in it$/) },
    ]);
  });
});
