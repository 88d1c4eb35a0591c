/**
 * A small validator for the JSON Schema subset that ./schema.ts uses, so the
 * checked-in schema and the loader cannot disagree. Its messages are written
 * for people: they show the bad value and what is allowed.
 */
import type { JsonSchema } from './schema';

export type JsonPath = (string | number)[];

export interface SchemaIssue {
  path: JsonPath;
  message: string;
  /** The issue is about the property name (an unknown key), not its value. */
  atKey?: boolean;
}

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return t as JsonType;
}

function typeMatches(expected: JsonSchema['type'], value: unknown): boolean {
  if (!expected) return true;
  const actual = jsonTypeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

/** A short, safe rendering of a value for a message. */
export function showValue(value: unknown): string {
  switch (jsonTypeOf(value)) {
    case 'null': return 'null';
    case 'array': return 'an array';
    case 'object': return 'an object';
    case 'string': {
      const s = value as string;
      return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
    }
    default: return String(value);
  }
}

function describeFound(value: unknown): string {
  const t = jsonTypeOf(value);
  return t === 'array' || t === 'object' || t === 'null' ? showValue(value) : `${ARTICLE[t === 'integer' ? 'number' : t]} (${showValue(value)})`;
}

export function listOf(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The closest candidate, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // A truncated word ("warn", "info") is the likeliest slip.
  const extended = word.length >= 3 ? list.find((c) => c.toLowerCase().startsWith(word.toLowerCase())) : undefined;
  if (extended) return extended;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : '';
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  const target = root.definitions?.[name];
  if (!target) throw new Error(`schema: unknown $ref ${schema.$ref}`);
  return resolve(target, root);
}

/** Validates `value`; issues come in document order. */
export function validateAgainstSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(value, schema, root, [], issues);
  return issues;
}

function check(value: unknown, given: JsonSchema, root: JsonSchema, path: JsonPath, issues: SchemaIssue[]): void {
  const schema = resolve(given, root);
  if (schema.anyOf) {
    const branches = schema.anyOf.map((b) => resolve(b, root));
    const fitting = branches.filter((b) => typeMatches(b.type, value));
    if (fitting.length === 0) {
      const expected = [...new Set(branches.map((b) => (b.type ? ARTICLE[b.type] : 'a value')))];
      issues.push({ path, message: `expected ${expected.join(' or ')}, found ${describeFound(value)}` });
      return;
    }
    let firstAttempt: SchemaIssue[] | undefined;
    for (const branch of fitting) {
      const attempt: SchemaIssue[] = [];
      check(value, branch, root, path, attempt);
      if (attempt.length === 0) return;
      firstAttempt ??= attempt;
    }
    issues.push(...firstAttempt!);
    return;
  }
  if (!typeMatches(schema.type, value)) {
    issues.push({ path, message: `expected ${ARTICLE[schema.type!]}, found ${describeFound(value)}` });
    return;
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    const suggestion = typeof value === 'string' ? didYouMean(value, schema.enum.map(String)) : '';
    issues.push({ path, message: `${showValue(value)} is not allowed${suggestion}; use one of ${listOf(schema.enum)}` });
    return;
  }
  switch (jsonTypeOf(value)) {
    case 'string': {
      const s = value as string;
      if (schema.minLength !== undefined && s.length < schema.minLength) issues.push({ path, message: 'must not be empty' });
      else if (schema.maxLength !== undefined && s.length > schema.maxLength) issues.push({ path, message: `is ${s.length} characters long; at most ${schema.maxLength} are allowed` });
      else if (schema.pattern && !new RegExp(schema.pattern, 'u').test(s)) {
        issues.push({ path, message: `${showValue(s)} is not allowed. ${schema.patternErrorMessage ?? `It must match ${schema.pattern}.`}` });
      }
      return;
    }
    case 'integer':
    case 'number':
      if (schema.minimum !== undefined && (value as number) < schema.minimum) issues.push({ path, message: `${value} is too small; the minimum is ${schema.minimum}` });
      return;
    case 'array': {
      const items = value as unknown[];
      if (schema.minItems !== undefined && items.length < schema.minItems) {
        issues.push({ path, message: schema.minItems === 1 ? 'must not be empty' : `needs at least ${schema.minItems} items` });
      }
      if (schema.uniqueItems) {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          const key = JSON.stringify(item);
          if (seen.has(key)) issues.push({ path: [...path, i], message: `${showValue(item)} is listed twice` });
          seen.add(key);
        });
      }
      if (schema.items) items.forEach((item, i) => check(item, schema.items!, root, [...path, i], issues));
      return;
    }
    case 'object': {
      const object = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      for (const key of schema.required ?? []) {
        if (!(key in object)) issues.push({ path, message: `missing required property ${JSON.stringify(key)}` });
      }
      for (const [key, child] of Object.entries(object)) {
        if (key in properties) check(child, properties[key], root, [...path, key], issues);
        else if (schema.additionalProperties === false) {
          const allowed = Object.keys(properties);
          issues.push({ path: [...path, key], atKey: true, message: `unknown property ${JSON.stringify(key)}${didYouMean(key, allowed)}; allowed: ${allowed.join(', ')}` });
        } else if (typeof schema.additionalProperties === 'object') {
          check(child, schema.additionalProperties, root, [...path, key], issues);
        }
      }
      return;
    }
  }
}
