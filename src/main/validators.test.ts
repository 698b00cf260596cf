import { describe, expect, it } from 'vitest';
import { arrayOf, IpcInputError, nonNegativeInteger, objectOf, oneOf, stringValue, validateArgs } from './validators';

describe('stringValue', () => {
  const token = stringValue({ maxLength: 8, minLength: 1, pattern: /^[a-z0-9]+$/ });
  it('accepts a matching string', () => {
    expect(token('abc123', 'token')).toBe('abc123');
  });
  it('rejects non-strings, too long, too short and foreign characters', () => {
    expect(() => token(42, 'token')).toThrow('token must be a string');
    expect(() => token({ toString: () => 'abc' }, 'token')).toThrow(IpcInputError);
    expect(() => token('abcdefghi', 'token')).toThrow('longer than 8');
    expect(() => token('', 'token')).toThrow('shorter than 1');
    expect(() => token('../etc', 'token')).toThrow('not allowed');
  });
});

describe('nonNegativeInteger', () => {
  const offset = nonNegativeInteger();
  it('accepts 0 and safe integers', () => {
    expect(offset(0, 'offset')).toBe(0);
    expect(offset(2 ** 40, 'offset')).toBe(2 ** 40);
  });
  it('rejects negatives, fractions, NaN, Infinity, huge values and numeric strings', () => {
    expect(() => offset(-1, 'offset')).toThrow('must not be negative');
    expect(() => offset(1.5, 'offset')).toThrow('must be an integer');
    expect(() => offset(Number.NaN, 'offset')).toThrow('must be an integer');
    expect(() => offset(Number.POSITIVE_INFINITY, 'offset')).toThrow('must be an integer');
    expect(() => offset(1e300, 'offset')).toThrow('must be an integer');
    expect(() => offset('10', 'offset')).toThrow('must be an integer');
    expect(() => offset(10n, 'offset')).toThrow('must be an integer');
  });
  it('applies a maximum', () => {
    expect(() => nonNegativeInteger(100)(101, 'n')).toThrow('at most 100');
  });
});

describe('oneOf', () => {
  const kind = oneOf(['files', 'folder'] as const);
  it('accepts only the listed values', () => {
    expect(kind('folder', 'kind')).toBe('folder');
    expect(() => kind('everything', 'kind')).toThrow('must be one of files, folder');
    expect(() => kind(['files'], 'kind')).toThrow(IpcInputError);
  });
});

describe('arrayOf', () => {
  const tokens = arrayOf(stringValue({ maxLength: 4 }), 2);
  it('checks every item and the count', () => {
    expect(tokens(['a', 'b'], 'tokens')).toEqual(['a', 'b']);
    expect(() => tokens(['a', 'b', 'c'], 'tokens')).toThrow('more than 2 items');
    expect(() => tokens(['a', 7], 'tokens')).toThrow('tokens[1] must be a string');
    expect(() => tokens('a', 'tokens')).toThrow('must be an array');
  });
});

describe('objectOf', () => {
  const request = objectOf<{ suggestedFileName: string }>({ suggestedFileName: stringValue({ maxLength: 10 }) });
  it('returns a plain copy of a valid object', () => {
    const input = { suggestedFileName: 'a.pdf' };
    const output = request(input, 'request');
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
  });
  it('rejects missing, extra and badly typed fields', () => {
    expect(() => request({}, 'request')).toThrow('request.suggestedFileName must be a string');
    expect(() => request({ suggestedFileName: 'a', path: '/etc' }, 'request')).toThrow('unexpected field "path"');
    expect(() => request(JSON.parse('{"suggestedFileName":"a","__proto__":{"x":1}}'), 'request')).toThrow('unexpected field "__proto__"');
    expect(() => request(null, 'request')).toThrow('must be an object');
    expect(() => request(['a'], 'request')).toThrow('must be an object');
    expect(() => request(new Date(), 'request')).toThrow('plain object');
  });
});

describe('validateArgs', () => {
  const validators = [stringValue({ maxLength: 4 }), nonNegativeInteger()] as const;
  it('checks the count and each position', () => {
    expect(validateArgs<[string, number]>(validators, ['ab', 3], 'x:y')).toEqual(['ab', 3]);
    expect(() => validateArgs<[string, number]>(validators, ['ab'], 'x:y')).toThrow('x:y takes 2 argument(s), got 1');
    expect(() => validateArgs<[string, number]>(validators, ['ab', 3, 'extra'], 'x:y')).toThrow('got 3');
    expect(() => validateArgs<[string, number]>(validators, ['ab', -3], 'x:y')).toThrow('x:y argument 2 must not be negative');
  });
});
