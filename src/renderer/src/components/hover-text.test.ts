import { describe, expect, it } from 'vitest';
import { escapeHoverMarkdown, hoverText } from './hover-text';

describe('hoverText', () => {
  it('escapes every Markdown and HTML character of a note', () => {
    expect(escapeHoverMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    expect(escapeHoverMarkdown('[a](javascript:x) ![i](http://e/x.png) $(bug) `c` *e* _u_ # h')).toBe(
      '\\[a\\]\\(javascript\\:x\\) \\!\\[i\\]\\(http\\:\\/\\/e\\/x\\.png\\) \\$\\(bug\\) \\`c\\` \\*e\\* \\_u\\_ \\# h',
    );
    expect(escapeHoverMarkdown('a \\ b & c')).toBe('a \\\\ b \\& c');
  });

  it('keeps line breaks and does not make indented lines code', () => {
    expect(escapeHoverMarkdown('one\r\n    two')).toBe('one  \n\u00a0\u00a0\u00a0\u00a0two');
  });

  it('leaves letters, digits and CJK alone, and puts the title first', () => {
    expect(hoverText('内存 80 MiB', 'Note on lines 3–5')).toBe('**Note on lines 3–5**\n\n内存 80 MiB');
  });
});
