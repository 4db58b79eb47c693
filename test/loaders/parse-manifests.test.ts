import { describe, expect, it } from 'vitest';
import { parseManifests, type ParsedFile } from '../../src/loaders/parse-manifests.js';
import { yaml } from '../helpers.js';
import { YamlLocator, YamlSource } from '../../src/loaders/yaml-locator.js';
import { parseEvents } from 'js-yaml';
import { packEvents } from '../../src/loaders/packed-events.js';

function parsed(file: ParsedFile) {
  if (file.outcome !== 'parsed') throw new Error(`expected parsed, got ${JSON.stringify(file)}`);
  return file;
}

const serviceAccount = yaml(
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: app',
  '  namespace: team',
  '  annotations:',
  '    eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/app"',
  '    eks.amazonaws.com/sts-regional-endpoints: "false"',
);

describe('parseManifests', () => {
  it('lets go of a file\'s event table and parses the text again for the next position asked', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', 'data:', '  key: value');
    let parses = 0;
    const source = new YamlSource('a.yaml', text, packEvents(parseEvents(text, {})), () => (parses++, packEvents(parseEvents(text, {}))));
    const locator = new YamlLocator(source, source.documentRoot(0));
    const position = locator.locate(['data', 'key']);
    expect(position).toMatchObject({ startLine: 6, startColumn: 8, endColumn: 13 });
    locator.release();
    expect(parses).toBe(0);
    expect(locator.locate(['data', 'key'])).toEqual(position);
    expect(locator.locate(['metadata', 'name'])).toMatchObject({ startLine: 4, startColumn: 9 });
    expect(parses).toBe(1);
  });

  it('reads every document of a stream, skipping empty and comment-only ones', () => {
    const text = `# header\n---\n${serviceAccount}---\n# only a comment\n---\n---\n${serviceAccount.replace('name: app', 'name: two')}`;
    const file = parsed(parseManifests('multi.yaml', text));
    expect(file.documents).toBe(2);
    expect(file.objects.map((o) => o.identity)).toEqual([
      { apiVersion: 'v1', kind: 'ServiceAccount', namespace: 'team', name: 'app' },
      { apiVersion: 'v1', kind: 'ServiceAccount', namespace: 'team', name: 'two' },
    ]);
  });

  it('locates a path as 1-based line and column with the end column exclusive, quotes included', () => {
    const file = parsed(parseManifests('sa.yaml', serviceAccount));
    const position = file.objects[0]!.locator.locate(['metadata', 'annotations', 'eks.amazonaws.com/sts-regional-endpoints']);
    expect(position).toMatchObject({ startLine: 8, startColumn: 47, endLine: 8, endColumn: 54 });
    expect(position.lineText).toBe('    eks.amazonaws.com/sts-regional-endpoints: "false"');
    const key = file.objects[0]!.locator.locate(['metadata', 'annotations', 'eks.amazonaws.com/sts-regional-endpoints'], { target: 'key' });
    expect(key).toMatchObject({ startLine: 8, startColumn: 5, endLine: 8, endColumn: 45 });
  });

  it('falls back to the nearest existing parent for a missing field', () => {
    const file = parsed(parseManifests('sa.yaml', serviceAccount));
    expect(file.objects[0]!.locator.locate(['metadata', 'labels', 'app'])).toMatchObject({ startLine: 3, startColumn: 1, endColumn: 9 });
    expect(file.objects[0]!.locator.locate(['spec'])).toMatchObject({ startLine: 1, startColumn: 1 });
  });

  it('handles CRLF line ends and a byte order mark', () => {
    const text = `\uFEFF${serviceAccount.replace(/\n/g, '\r\n')}`;
    const file = parsed(parseManifests('crlf.yaml', text));
    const position = file.objects[0]!.locator.locate(['metadata', 'annotations', 'eks.amazonaws.com/sts-regional-endpoints']);
    expect(position).toMatchObject({ startLine: 8, startColumn: 47, endColumn: 54 });
    expect(position.lineText).toBe('    eks.amazonaws.com/sts-regional-endpoints: "false"');
  });

  it('expands kind: List and locates inside its items', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: one}',
      '- apiVersion: v1',
      '  kind: ServiceAccount',
      '  metadata:',
      '    name: two',
      '    annotations:',
      '      eks.amazonaws.com/role-arn: arn',
    );
    const file = parsed(parseManifests('list.yaml', text));
    expect(file.objects.map((o) => `${o.identity.kind}/${o.identity.name}`)).toEqual(['ConfigMap/one', 'ServiceAccount/two']);
    expect(file.objects[1]!.locator.locate(['metadata', 'annotations', 'eks.amazonaws.com/role-arn'])).toMatchObject({
      startLine: 12,
      startColumn: 35,
    });
  });

  it('reads JSON, duplicate keys included, with positions', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "ServiceAccount",\n  "metadata": {"name": "a", "name": "b"}\n}';
    const file = parsed(parseManifests('sa.json', text, { json: true }));
    expect(file.objects[0]!.identity.name).toBe('b');
    expect(file.objects[0]!.locator.locate(['kind'])).toMatchObject({ startLine: 3, startColumn: 11, endColumn: 27 });
  });

  it('points inside a block scalar at the line that holds the text', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: cfg}',
      'data:',
      '  config: |',
      '    [default]',
      '    region = us-east-1',
      '    sts_regional_endpoints = legacy',
    );
    const file = parsed(parseManifests('cm.yaml', text));
    expect(file.objects[0]!.locator.locate(['data', 'config'], { text: { value: 'legacy', occurrence: 0 } })).toMatchObject({
      startLine: 8,
      startColumn: 30,
      endLine: 8,
      endColumn: 36,
    });
  });

  it('follows anchors, aliases and merge keys to where the value is written', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  annotations: &shared',
      '    team: a',
      'spec:',
      '  containers:',
      '  - &base',
      '    name: one',
      '    image: x',
      '  - <<: *base',
      '    name: two',
    );
    const file = parsed(parseManifests('pod.yaml', text));
    const [pod] = file.objects;
    expect((pod!.data.spec as { containers: Array<{ image: string; name: string }> }).containers[1]).toEqual({ name: 'two', image: 'x' });
    expect(pod!.locator.locate(['spec', 'containers', 1, 'image'])).toMatchObject({ startLine: 11, startColumn: 12 });
    expect(pod!.locator.locate(['spec', 'containers', 1, 'name'])).toMatchObject({ startLine: 13, startColumn: 11 });
  });

  it('reads unquoted yes/no/on/off as booleans, as kubectl does, but keeps timestamps as text', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  annotations: {a: yes, b: off, c: 2024-01-01}');
    const [object] = parsed(parseManifests('c.yaml', text)).objects;
    expect((object!.data.metadata as { annotations: unknown }).annotations).toEqual({ a: true, b: false, c: '2024-01-01' });
  });

  it('ignores YAML that is not a Kubernetes object', () => {
    const workflow = yaml('name: ci', 'on: [push]', 'jobs:', '  test:', '    runs-on: ubuntu-latest');
    expect(parsed(parseManifests('.github/workflows/ci.yml', workflow))).toMatchObject({ documents: 1, objects: [] });
    expect(parsed(parseManifests('values.yaml', yaml('replicaCount: 2', 'image: {tag: v1}')))).toMatchObject({ objects: [] });
    expect(parsed(parseManifests('list.yaml', yaml('- a', '- b')))).toMatchObject({ objects: [] });
  });

  it('reads the objects a Helm template writes literally, with the reason it is read only in part', () => {
    const template = yaml('{{- if .Values.create }}', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: {{ .Values.name }}', '{{- end }}');
    const parsed = parseManifests('templates/sa.yaml', template);
    expect(parsed).toMatchObject({ outcome: 'parsed', objectCount: 1, template: expect.stringMatching(/^Go\/Helm template .*only what is written literally is read/) });
    if (parsed.outcome !== 'parsed') return;
    expect(parsed.objects[0]).toMatchObject({ identity: { kind: 'ServiceAccount', name: '{{ .Values.name }}' }, inputKind: 'helm-chart' });
    expect(parsed.objects[0]!.locator.locate(['metadata', 'name']).startLine).toBe(5);
    const quotedTemplate = yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: "{{ .Values.name }}"', '{{ include "x" . }}: 1');
    expect(parseManifests('templates/q.yaml', quotedTemplate)).toMatchObject({ outcome: 'parsed', objectCount: 1, template: expect.any(String) });
  });

  it('skips a template fragment that writes no object, and Helm helpers, with a reason; keeps files whose {{ … }} sits inside values', () => {
    expect(parseManifests('templates/part.yaml', yaml('metadata:', '  name: {{ .Values.name }}'))).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/template/) });
    const suite = yaml('suite: test', 'tests:', '- set:', '    role: arn:aws:iam::{{ .Values.account }}:role/x');
    expect(parseManifests('tests/sa_test.yaml', suite)).toMatchObject({ outcome: 'parsed' });
    expect(parseManifests('templates/_helpers.tpl', 'anything')).toMatchObject({ outcome: 'skipped' });
  });

  it('reports invalid YAML that looks like a manifest as an error with its line', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: [unclosed', 'data: {}');
    expect(parseManifests('bad.yaml', text)).toMatchObject({ outcome: 'error', line: 5, message: expect.stringMatching(/^invalid YAML/) });
  });

  it('skips unparsable text that is not a manifest, with the reason', () => {
    const markdown = '# Notes\n\n- a list\nkey: `value`\n  broken: indentation\n';
    expect(parseManifests('docs/notes.yaml', markdown)).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/not a Kubernetes manifest/) });
  });
});
