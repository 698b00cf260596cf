// The note renderer on hostile Markdown, rendered to static HTML: every tag in the output is one the
// renderer writes itself; the note's HTML comes out escaped; no attribute can run script or load.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from './MarkdownView';

function html(markdown: string): string {
  return renderToStaticMarkup(createElement(MarkdownView, { markdown }));
}

const ALLOWED_TAGS = new Set(['div', 'p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'hr', 'span', 'h3', 'h4', 'h5', 'h6']);

function tagsOf(out: string): string[] {
  return [...out.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

/** Names of the attributes of the elements (not of text that looks like them). */
function attributesOf(out: string): string[] {
  return [...out.matchAll(/<[a-zA-Z][a-zA-Z0-9]*((?:\s+[a-zA-Z-]+="[^"]*")*)\s*\/?>/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/([a-zA-Z-]+)=/g)].map((a) => a[1] ?? ''));
}

describe('MarkdownView', () => {
  it('renders a note’s Markdown as elements', () => {
    const out = html('## Why\nshmem **80 MiB** in `memory.stat`\n\n- a\n- b\n\n```\ncat x\n```');
    expect(out).toBe(
      '<div class="markdown"><h4 class="md-heading">Why</h4><p>shmem <strong>80 MiB</strong> in <code class="md-code-span">memory.stat</code></p><ul><li><p>a</p></li><li><p>b</p></li></ul><pre class="md-code"><code>cat x</code></pre></div>',
    );
  });

  it('<script> and <img onerror> are shown as text', () => {
    const out = html('<script>window.__pwned=1</script>\n\n<img src=x onerror=alert(1)>');
    expect(out).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tagsOf(out).every((t) => ALLOWED_TAGS.has(t))).toBe(true);
    expect(out).not.toMatch(/<script|<img/);
    expect(attributesOf(out)).toEqual(['class']);
  });

  it('links, javascript: ones too, are text with their address: no <a>, no href', () => {
    const out = html('[click](javascript:alert(1)) and [docs](https://kernel.org) and ![x](http://evil.example/t.png)');
    expect(out).not.toMatch(/<a[\s>]|<img/);
    expect(new Set(attributesOf(out))).toEqual(new Set(['class', 'title']));
    expect(out).toContain('click<span class="md-link-url"> ⟨javascript:alert(1⟩</span>');
    expect(out).toContain('⟨https://kernel.org⟩');
    expect(tagsOf(out).every((t) => ALLOWED_TAGS.has(t))).toBe(true);
  });

  it('HTML inside code, emphasis and headings stays text', () => {
    const out = html('# <b>title</b>\n`<iframe src=x>` **<svg onload=alert(1)>**');
    expect(tagsOf(out).every((t) => ALLOWED_TAGS.has(t))).toBe(true);
    expect(out).toContain('&lt;iframe src=x&gt;');
    expect(out).toContain('&lt;svg onload=alert(1)&gt;');
  });

  it('an ordered list keeps its start number', () => {
    expect(html('3. c\n4. d')).toContain('<ol start="3">');
  });
});
