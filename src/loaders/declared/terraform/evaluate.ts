import type { Expression, Span } from './hcl-syntax.js';
import type { PathSegment } from '../../../model/resource.js';

/** Where a value was written: a file and the offsets of its text. */
export interface Origin {
  readonly file: string;
  readonly span: Span;
}

/**
 * A value as far as it can be known without running Terraform, with where each part was written.
 * `unknown` is a value decided at apply time (`var.x` with no default, a resource attribute): it
 * keeps its expression text, so a computed role ARN is still a role. `encoded` is `yamlencode(…)`
 * or `jsonencode(…)` of a value, kept as the value so that its parts keep their positions.
 */
export type Value =
  | { readonly kind: 'known'; readonly value: string | number | boolean | null; readonly at: Origin }
  | { readonly kind: 'list'; readonly items: readonly Value[]; readonly at: Origin }
  | { readonly kind: 'map'; readonly entries: ReadonlyArray<{ readonly key: string; readonly keyAt: Origin; readonly value: Value }>; readonly at: Origin }
  | { readonly kind: 'encoded'; readonly of: Value; readonly at: Origin }
  | { readonly kind: 'unknown'; readonly text: string; readonly at: Origin };

/** What an expression is evaluated against: its file's text, and the values of the names it may use. */
export interface Scope {
  readonly file: string;
  readonly text: string;
  /** `var`, `local`, `each`, `path` and loop variables, as values. */
  readonly names: ReadonlyMap<string, Value>;
}

/** A value decided at apply time, written as the expression that computes it. */
export function unknownValue(scope: Scope, expression: Expression): Value {
  return { kind: 'unknown', text: `\${${scope.text.slice(expression.span.start, expression.span.end).replace(/\s+/g, ' ')}}`, at: { file: scope.file, span: expression.span } };
}

/** A scope with more names (a loop's variables), the same file. */
export function withNames(scope: Scope, names: ReadonlyArray<readonly [string, Value]>): Scope {
  return { ...scope, names: new Map([...scope.names, ...names]) };
}

/** The entry of a map value, the last one written winning (as in an HCL object). */
export function entry(value: Value | undefined, key: string): Value | undefined {
  return value?.kind === 'map' ? value.entries.findLast((item) => item.key === key)?.value : undefined;
}

/** A known string, else undefined. */
export function knownString(value: Value | undefined): string | undefined {
  return value?.kind === 'known' && value.value !== null ? String(value.value) : undefined;
}

/** True for a value that sets nothing: null, an empty list or map. */
function isEmpty(value: Value): boolean {
  return (value.kind === 'known' && value.value === null) || (value.kind === 'list' && value.items.length === 0) || (value.kind === 'map' && value.entries.length === 0);
}

/**
 * The value as the manifests and values the rules read would hold it: unknown parts as their
 * `${expression}` text, numbers and booleans as written (Helm reads them so), encoded values as
 * the value they encode.
 */
export function plain(value: Value): unknown {
  switch (value.kind) {
    case 'known':
      return value.value;
    case 'unknown':
      return value.text;
    case 'encoded':
      return plain(value.of);
    case 'list':
      return value.items.map(plain);
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const item of value.entries) result[item.key] = plain(item.value);
      return result;
    }
  }
}

/** Where a path inside a value was written: the deepest part that exists, and its key when asked. */
export function originAt(value: Value, path: readonly PathSegment[], target?: 'key' | 'value'): Origin {
  let node = value;
  let keyAt: Origin | undefined;
  for (const segment of path) {
    const inner = node.kind === 'encoded' ? node.of : node;
    if (inner.kind === 'map' && typeof segment === 'string') {
      const found = inner.entries.findLast((item) => item.key === segment);
      if (!found) return keyAt ?? node.at;
      [node, keyAt] = [found.value, found.keyAt];
    } else if (inner.kind === 'list' && typeof segment === 'number' && inner.items[segment]) {
      [node, keyAt] = [inner.items[segment], undefined];
    } else return keyAt ?? node.at;
  }
  return target === 'key' && keyAt ? keyAt : node.at;
}

/** Terraform functions read statically; any other call is a value decided at apply time. */
const functions: Record<string, (args: Value[], at: Origin) => Value | undefined> = {
  merge: (args, at) => {
    // An unknown argument may add entries, but cannot take away those written.
    const known = args.filter((arg) => arg.kind !== 'unknown');
    if (known.some((arg) => arg.kind !== 'map' && !isEmpty(arg))) return undefined;
    return { kind: 'map', entries: known.flatMap((arg) => (arg.kind === 'map' ? arg.entries : [])), at };
  },
  concat: (args, at) => (args.every((arg) => arg.kind === 'list') ? { kind: 'list', items: args.flatMap((arg) => (arg.kind === 'list' ? arg.items : [])), at } : undefined),
  lookup: ([map, key, fallback]) => {
    const name = knownString(key);
    if (map?.kind !== 'map' || name === undefined) return undefined;
    return entry(map, name) ?? fallback;
  },
  // `try` gives its first argument that does not fail: an unknown one may or may not.
  try: ([first]) => (first?.kind === 'unknown' ? undefined : first),
  coalesce: (args) => args.find((arg) => !(arg.kind === 'known' && (arg.value === null || arg.value === ''))),
  tostring: ([arg]) => arg,
  tonumber: ([arg]) => arg,
  tobool: ([arg]) => arg,
  tomap: ([arg]) => arg,
  tolist: ([arg]) => arg,
  toset: ([arg]) => arg,
  yamlencode: ([arg], at) => (arg ? { kind: 'encoded', of: arg, at } : undefined),
  jsonencode: ([arg], at) => (arg ? { kind: 'encoded', of: arg, at } : undefined),
};

/**
 * Evaluates an expression as far as its values are written in the configuration: literals,
 * templates, lists, maps, `var` and `local` names the scope knows, attribute access, `for`
 * expressions over known collections, conditionals and a few functions. What depends on apply
 * time is an `unknown` value. A conditional whose condition is unknown gives the branch that sets
 * something when the other sets nothing (`cond ? {…} : {}`): what the configuration may set.
 */
export function evaluate(expression: Expression, scope: Scope): Value {
  const at: Origin = { file: scope.file, span: expression.span };
  const unknown = () => unknownValue(scope, expression);
  switch (expression.type) {
    case 'literal':
      return { kind: 'known', value: expression.value, at };
    case 'parenthesis':
      return evaluate(expression.expression, scope);
    case 'template': {
      let text = '';
      for (const part of expression.parts) {
        if (part.kind === 'directive') return unknown();
        const value = part.kind === 'text' ? part.text : knownString(evaluate(part.expression, scope));
        if (value === undefined) return unknown();
        text += value;
      }
      return { kind: 'known', value: text, at };
    }
    case 'variable':
      return scope.names.get(expression.name) ?? unknown();
    case 'tuple':
      return { kind: 'list', items: expression.items.map((item) => evaluate(item, scope)), at };
    case 'object': {
      const entries: Array<{ key: string; keyAt: Origin; value: Value }> = [];
      for (const item of expression.items) {
        const key = knownString(evaluate(item.key, scope));
        if (key === undefined) return unknown();
        entries.push({ key, keyAt: { file: scope.file, span: item.key.span }, value: evaluate(item.value, scope) });
      }
      return { kind: 'map', entries, at };
    }
    case 'attribute': {
      const target = evaluate(expression.target, scope);
      return (target.kind === 'map' ? entry(target, expression.name) : undefined) ?? unknown();
    }
    case 'index': {
      const target = evaluate(expression.target, scope);
      const key = evaluate(expression.key, scope);
      if (target.kind === 'map' && knownString(key) !== undefined) return entry(target, knownString(key)!) ?? unknown();
      if (target.kind === 'list' && key.kind === 'known' && typeof key.value === 'number') return target.items[key.value] ?? unknown();
      return unknown();
    }
    case 'call': {
      const read = functions[expression.name];
      return (read ? read(expression.args.map((arg) => evaluate(arg, scope)), at) : undefined) ?? unknown();
    }
    case 'conditional': {
      const condition = evaluate(expression.condition, scope);
      if (condition.kind === 'known' && typeof condition.value === 'boolean') return evaluate(condition.value ? expression.then : expression.else, scope);
      const [then, otherwise] = [evaluate(expression.then, scope), evaluate(expression.else, scope)];
      if (isEmpty(otherwise) && !isEmpty(then)) return then;
      if (isEmpty(then) && !isEmpty(otherwise)) return otherwise;
      return unknown();
    }
    case 'for':
      return forExpression(expression, scope) ?? unknown();
    case 'unary':
    case 'binary':
    case 'splat':
      return operation(expression, scope) ?? unknown();
  }
}

/** `==`, `!=` and `!` on known values; other operators are left to apply time. */
function operation(expression: Expression, scope: Scope): Value | undefined {
  const at: Origin = { file: scope.file, span: expression.span };
  if (expression.type === 'unary' && expression.operator === '!') {
    const operand = evaluate(expression.operand, scope);
    return operand.kind === 'known' && typeof operand.value === 'boolean' ? { kind: 'known', value: !operand.value, at } : undefined;
  }
  if (expression.type !== 'binary' || (expression.operator !== '==' && expression.operator !== '!=')) return undefined;
  const [left, right] = [evaluate(expression.left, scope), evaluate(expression.right, scope)];
  if (left.kind !== 'known' || right.kind !== 'known') return undefined;
  return { kind: 'known', value: (left.value === right.value) === (expression.operator === '=='), at };
}

/** The elements of a known collection as key and value pairs (a list's keys are its indexes). */
export function elements(collection: Value): Array<[Value, Value]> | undefined {
  if (collection.kind === 'list') return collection.items.map((item, index) => [{ kind: 'known', value: index, at: item.at }, item]);
  if (collection.kind === 'map') return collection.entries.map((item) => [{ kind: 'known', value: item.key, at: item.keyAt }, item.value]);
  return undefined;
}

function forExpression(expression: Extract<Expression, { type: 'for' }>, scope: Scope): Value | undefined {
  const at: Origin = { file: scope.file, span: expression.span };
  const pairs = elements(evaluate(expression.collection, scope));
  if (!pairs) return undefined;
  const items: Value[] = [];
  const entries: Array<{ key: string; keyAt: Origin; value: Value }> = [];
  for (const [key, value] of pairs) {
    const inner = withNames(scope, [[expression.valueName, value], ...(expression.keyName !== undefined ? [[expression.keyName, key] as const] : [])]);
    if (expression.condition) {
      const keep = evaluate(expression.condition, inner);
      if (keep.kind !== 'known') return undefined;
      if (keep.value !== true) continue;
    }
    const result = evaluate(expression.value, inner);
    if (!expression.object) items.push(result);
    else {
      const name = evaluate(expression.key!, inner);
      if (knownString(name) === undefined) return undefined;
      entries.push({ key: knownString(name)!, keyAt: name.at, value: result });
    }
  }
  return expression.object ? { kind: 'map', entries, at } : { kind: 'list', items, at };
}
