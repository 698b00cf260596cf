import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-safe';

describe('terminalSafe', () => {
  it('prints control characters and bidi overrides as visible escapes, keeps tabs, line feeds and text', () => {
    expect(terminalSafe('victim \u001b[2J\u001b]0;x\u0007 (pid 1)\n')).toBe('victim \\u001b[2J\\u001b]0;x\\u0007 (pid 1)\n');
    expect(terminalSafe('a\tb\r\nc\u009bd\u202ee\u0000')).toBe('a\tb\\u000d\nc\\u009bd\\u202ee\\u0000');
    expect(terminalSafe('内存 80.0 MiB — ok')).toBe('内存 80.0 MiB — ok');
  });
  it('keeps JSON valid and equal: an escape inside a string is the same value', () => {
    const json = JSON.stringify({ comm: 'x\u009by\u202e' });
    expect(JSON.parse(terminalSafe(json))).toEqual({ comm: 'x\u009by\u202e' });
  });
});
