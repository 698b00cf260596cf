// Validators for every IPC argument that crosses from the renderer into main (typed-ipc.ts runs them
// before any handler). The renderer is treated as untrusted: a compromised page can send any
// structured-clone value, e.g.
//   ['import:read', 'a1b2…', -1, 1e300]        → rejected (negative offset, unsafe length)
//   ['import:pick', 'everything']              → rejected (not one of files | folder)
//   ['report:export-pdf', { suggestedFileName: 42 }] → rejected (not a string)

/** Thrown for a bad IPC argument; the renderer's invoke() rejects with its message. */
export class IpcInputError extends Error {
  override readonly name = 'IpcInputError';
}

/** Checks an unknown value and returns it typed, or throws IpcInputError naming the argument. */
export type Validator<T> = (value: unknown, name: string) => T;

export interface StringRule {
  maxLength: number;
  minLength?: number;
  /** Must match as a whole; keep it linear (a plain character class with a quantifier). */
  pattern?: RegExp;
}

export function stringValue(rule: StringRule): Validator<string> {
  return (value, name) => {
    if (typeof value !== 'string') throw new IpcInputError(`${name} must be a string`);
    if (value.length > rule.maxLength) throw new IpcInputError(`${name} is longer than ${rule.maxLength} characters`);
    if (value.length < (rule.minLength ?? 0)) throw new IpcInputError(`${name} is shorter than ${rule.minLength ?? 0} characters`);
    if (rule.pattern && !rule.pattern.test(value)) throw new IpcInputError(`${name} has characters that are not allowed`);
    return value;
  };
}

/** A finite integer in [0, max]: offsets and lengths. */
export function nonNegativeInteger(max: number = Number.MAX_SAFE_INTEGER): Validator<number> {
  return (value, name) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new IpcInputError(`${name} must be an integer`);
    if (value < 0) throw new IpcInputError(`${name} must not be negative`);
    if (value > max) throw new IpcInputError(`${name} must be at most ${max}`);
    return value;
  };
}

export function oneOf<const T extends string>(values: readonly T[]): Validator<T> {
  return (value, name) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw new IpcInputError(`${name} must be one of ${values.join(', ')}`);
    }
    return value as T;
  };
}

export function arrayOf<T>(item: Validator<T>, maxItems: number): Validator<T[]> {
  return (value, name) => {
    if (!Array.isArray(value)) throw new IpcInputError(`${name} must be an array`);
    if (value.length > maxItems) throw new IpcInputError(`${name} has more than ${maxItems} items`);
    return value.map((element: unknown, index) => item(element, `${name}[${index}]`));
  };
}

type Shape<T> = { [K in keyof T]: Validator<T[K]> };

/** A plain object with exactly these keys (unknown keys are refused, so nothing unchecked slips through). */
export function objectOf<T extends object>(shape: Shape<T>): Validator<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (value, name) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IpcInputError(`${name} must be an object`);
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new IpcInputError(`${name} must be a plain object`);
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new IpcInputError(`${name} has an unexpected field "${key.slice(0, 40)}"`);
    }
    const checked = Object.create(null) as Record<string, unknown>;
    for (const key of keys) {
      const field = (value as Record<string, unknown>)[key];
      checked[key] = shape[key](field, `${name}.${key}`);
    }
    return { ...checked } as T;
  };
}

/** Validators for a channel's argument tuple, position by position. */
export type TupleValidators<Args extends readonly unknown[]> = { readonly [K in keyof Args]: Validator<Args[K]> };

/** Checks the whole argument list: the exact count, then each argument. */
export function validateArgs<Args extends readonly unknown[]>(validators: TupleValidators<Args>, args: readonly unknown[], channel: string): Args {
  const list = validators as unknown as readonly Validator<unknown>[];
  if (args.length !== list.length) throw new IpcInputError(`${channel} takes ${list.length} argument(s), got ${args.length}`);
  return list.map((validate, index) => validate(args[index], `${channel} argument ${index + 1}`)) as unknown as Args;
}
