/**
 * Test support: the shape of JSON bodies (which keys, which JSON types), to compare what the
 * sandbox sends with what live Pipedrive was recorded sending. Values do not matter, only shapes.
 *
 * The shape of several bodies is their union: every key seen in any of them, every type seen at
 * a place. Array items are merged the same way, so a list is compared by the union of its items
 * (a key present on only some items is still expected somewhere in the other list).
 */

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export interface Shape {
  types: Set<JsonType>;
  /** Keys of the objects seen at this place, merged. */
  keys: Map<string, Shape>;
  /** The merged items of the arrays seen at this place; null when every array was empty. */
  items: Shape | null;
}

function emptyShape(): Shape {
  return { types: new Set(), keys: new Map(), items: null };
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string' || type === 'object') return type;
  throw new Error(`not a JSON value: ${type}`);
}

function addValue(shape: Shape, value: unknown): void {
  const type = typeOf(value);
  shape.types.add(type);
  if (type === 'array') {
    for (const item of value as unknown[]) {
      shape.items ??= emptyShape();
      addValue(shape.items, item);
    }
  } else if (type === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      let childShape = shape.keys.get(key);
      if (!childShape) {
        childShape = emptyShape();
        shape.keys.set(key, childShape);
      }
      addValue(childShape, child);
    }
  }
}

/** The union shape of some JSON values. */
export function shapeOf(values: readonly unknown[]): Shape {
  const shape = emptyShape();
  for (const value of values) addValue(shape, value);
  return shape;
}

export interface ShapeDifference {
  /** `data[].options[].id`: object keys joined by dots, `[]` for array items, '' for the top. */
  path: string;
  problem: string;
}

const childPath = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
const nonNull = (shape: Shape) => [...shape.types].filter((type) => type !== 'null').sort();
const list = (types: readonly string[]) => types.join('|');

/**
 * Differences between a recorded shape and the sandbox's, place by place:
 *
 * - keys: a key recorded and not sent by the sandbox, or sent and never recorded, is a difference;
 * - types: the non-null JSON types at a place must be the same set on both sides (a place where
 *   recordings show numbers and strings must show both in the sandbox too);
 * - null: the sandbox may send `null` only where a recording shows `null` for that key; where
 *   recordings show only `null` (or only empty arrays), they say nothing of the type, so any
 *   sandbox value is accepted there and nothing below it is compared. A sandbox that sends only
 *   `null` where recordings show both `null` and values is accepted too;
 * - arrays: items are compared only where both sides have items.
 */
export function diffShapes(recorded: Shape, sandbox: Shape, path = ''): ShapeDifference[] {
  const recordedTypes = nonNull(recorded);
  const sandboxTypes = nonNull(sandbox);
  if (recordedTypes.length === 0) return [];
  if (sandbox.types.has('null') && !recorded.types.has('null')) {
    return [{ path, problem: `the sandbox sends null; recordings show only ${list(recordedTypes)}` }];
  }
  if (sandboxTypes.length === 0) return [];
  if (list(recordedTypes) !== list(sandboxTypes)) {
    return [{ path, problem: `recorded as ${list(recordedTypes)}, the sandbox sends ${list(sandboxTypes)}` }];
  }
  const differences: ShapeDifference[] = [];
  if (recorded.types.has('object')) {
    for (const [key, recordedChild] of recorded.keys) {
      const sandboxChild = sandbox.keys.get(key);
      const place = childPath(path, key);
      if (!sandboxChild) differences.push({ path: place, problem: 'recorded, not sent by the sandbox' });
      else differences.push(...diffShapes(recordedChild, sandboxChild, place));
    }
    for (const key of sandbox.keys.keys()) {
      if (!recorded.keys.has(key)) {
        differences.push({ path: childPath(path, key), problem: 'sent by the sandbox, never recorded' });
      }
    }
  }
  if (recorded.items && sandbox.items)
    differences.push(...diffShapes(recorded.items, sandbox.items, `${path}[]`));
  return differences;
}
