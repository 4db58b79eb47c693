import { describe, expect, it } from 'vitest';
import { maskTemplateActions, parseTemplateYaml } from '../../src/loaders/declared/template-yaml.js';

const template = `{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "app.serviceAccountName" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
  annotations:
    {{- with .Values.serviceAccount.annotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- if .Values.irsa.enabled }}
    eks.amazonaws.com/role-arn: arn:aws:iam::{{ .Values.accountId }}:role/{{ .Values.roleName }}
    eks.amazonaws.com/sts-regional-endpoints: "true"
    {{- else }}
    eks.amazonaws.com/sts-regional-endpoints: {{ .Values.regional | quote }}
    {{- end }}
  {{/* a comment
  over two lines */}}
  namespace: {{ .Release.Namespace }}
{{- end }}
`;

describe('maskTemplateActions', () => {
  it('keeps every offset, blanks actions that output nothing and keeps expressions as text', () => {
    const masked = maskTemplateActions(template);
    expect(masked).toHaveLength(template.length);
    expect(masked.split('\n').map((line) => line.length)).toEqual(template.split('\n').map((line) => line.length));
    expect(masked.split('\n')[0]!.trim()).toBe('');
    expect(masked.split('\n')[8]!.trim()).toBe('');
    expect(masked.split('\n')[9]!.trim()).toBe('');
  });

  it('blanks an expression written alone over several lines when keys follow it under the same key', () => {
    const text = 'spec:\n  source:\n    {{- include "source"\n        (dict "chart" "x") | nindent 4 }}\n    helm:\n      releaseName: x\n';
    const parsed = parseTemplateYaml('templates/application.yaml', text);
    expect(parsed).toMatchObject({ outcome: 'parsed', documents: [{ value: { spec: { source: { helm: { releaseName: 'x' } } } } }] });
    expect(maskTemplateActions(text).split('\n').slice(2, 4).join('').trim()).toBe('');
  });

  it('keeps a lone expression as the value of the key above it when nothing else is written under that key', () => {
    const masked = maskTemplateActions('metadata:\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n  name: x\n');
    expect(masked.split('\n')[2]!.trim()).not.toBe('');
  });
});

describe('parseTemplateYaml', () => {
  it('reads what is written literally, expressions as unknown but present text, the last branch winning a key both set', () => {
    const parsed = parseTemplateYaml('templates/sa.yaml', template);
    expect(parsed.outcome).toBe('parsed');
    if (parsed.outcome !== 'parsed') return;
    expect(parsed.documents[0]!.value).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: '{{ include "app.serviceAccountName" . }}',
        labels: '{{- include "app.labels" . | nindent 4 }}',
        annotations: {
          'eks.amazonaws.com/role-arn': 'arn:aws:iam::{{ .Values.accountId }}:role/{{ .Values.roleName }}',
          'eks.amazonaws.com/sts-regional-endpoints': '{{ .Values.regional | quote }}',
        },
        namespace: '{{ .Release.Namespace }}',
      },
    });
  });

  it('locates paths at the lines and columns of the template, shown as written', () => {
    const parsed = parseTemplateYaml('templates/sa.yaml', template);
    if (parsed.outcome !== 'parsed') throw new Error(parsed.message);
    const role = parsed.documents[0]!.locator.locate(['metadata', 'annotations', 'eks.amazonaws.com/role-arn']);
    expect([role.startLine, role.startColumn]).toEqual([13, 33]);
    expect(role.lineText).toContain('{{ .Values.accountId }}');
  });

  it('is an error with its position when even masked it is not YAML', () => {
    const parsed = parseTemplateYaml('templates/bad.yaml', 'a: b\n  c: d\n');
    expect(parsed).toMatchObject({ outcome: 'error', line: 2 });
  });
});
