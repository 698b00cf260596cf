import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseMarkdown, type MdBlock, type MdInline } from './markdown';

/** Every string anywhere in the tree, to check what the renderer could ever show. */
function allText(blocks: readonly MdBlock[]): string {
  const inline = (nodes: readonly MdInline[]): string => nodes.map((n) => (n.type === 'link' ? inline(n.children) + n.href : n.type === 'text' || n.type === 'code' ? n.text : n.type === 'break' ? '\n' : inline(n.children))).join('');
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          return inline(b.children);
        case 'code':
          return b.text;
        case 'list':
          return b.items.map((item) => allText(item)).join('\n');
        case 'quote':
          return allText(b.children);
        case 'rule':
          return '';
      }
    })
    .join('\n');
}

describe('parseMarkdown: blocks', () => {
  it('reads a note as an engineer writes it', () => {
    const md = '## Why the pod died\n\nshmem **80 MiB**, see `memory.stat`\nline two\n\n- tmpfs in /dev/shm\n- the init container\n\n```\ntotal_shmem 83886080\n```';
    const blocks = parseMarkdown(md);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'code']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, children: [{ type: 'text', text: 'Why the pod died' }] });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'shmem ' },
        { type: 'strong', children: [{ type: 'text', text: '80 MiB' }] },
        { type: 'text', text: ', see ' },
        { type: 'code', text: 'memory.stat' },
        { type: 'break' },
        { type: 'text', text: 'line two' },
      ],
    });
    const list = blocks[2];
    expect(list?.type === 'list' && list.items.map((item) => allText(item))).toEqual(['tmpfs in /dev/shm', 'the init container']);
    expect(blocks[3]).toEqual({ type: 'code', lang: '', text: 'total_shmem 83886080' });
  });

  it('numbered lists keep their start; nested lists nest', () => {
    const blocks = parseMarkdown('3. third\n4. fourth\n   - detail a\n   - detail b\n5. fifth');
    expect(blocks).toHaveLength(1);
    const list = blocks[0];
    if (list?.type !== 'list') throw new Error('not a list');
    expect(list.ordered).toBe(true);
    expect(list.start).toBe(3);
    expect(list.items).toHaveLength(3);
    const second = list.items[1] ?? [];
    expect(second.map((b) => b.type)).toEqual(['paragraph', 'list']);
    const nested = second[1];
    expect(nested?.type === 'list' && nested.items.length).toBe(2);
  });

  it('a year at the start of a line does not start a list', () => {
    expect(parseMarkdown('It began in\n1986. a good year').map((b) => b.type)).toEqual(['paragraph']);
  });

  it('quotes, rules, headings with closing hashes, fences with a language and no end', () => {
    const blocks = parseMarkdown('> quoted **text**\n\n---\n# Title ##\n~~~sh\ncat memory.stat');
    expect(blocks.map((b) => b.type)).toEqual(['quote', 'rule', 'heading', 'code']);
    expect(blocks[2]).toEqual({ type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] });
    expect(blocks[3]).toEqual({ type: 'code', lang: 'sh', text: 'cat memory.stat' });
  });

  it('CRLF and CR line ends read like LF', () => {
    expect(parseMarkdown('a\r\nb\rc')).toEqual(parseMarkdown('a\nb\nc'));
  });

  it('empty and blank input give no blocks', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('  \n\t\n')).toEqual([]);
  });

  it('"#hashtag" and "7)" without a space are text', () => {
    expect(parseMarkdown('#oom')[0]?.type).toBe('paragraph');
    expect(parseMarkdown('7)x')[0]?.type).toBe('paragraph');
  });
});

describe('parseInline', () => {
  it('cgroup file names with underscores are not emphasis', () => {
    expect(parseInline('total_rss and memory.kmem_usage_in_bytes')).toEqual([{ type: 'text', text: 'total_rss and memory.kmem_usage_in_bytes' }]);
    expect(parseInline('_only this_ here')).toEqual([{ type: 'em', children: [{ type: 'text', text: 'only this' }] }, { type: 'text', text: ' here' }]);
  });

  it('arithmetic with spaced stars is not emphasis', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([{ type: 'text', text: '2 * 3 * 4' }]);
  });

  it('emphasis nests, and escapes are literal', () => {
    expect(parseInline('**a *b* c**')).toEqual([{ type: 'strong', children: [{ type: 'text', text: 'a ' }, { type: 'em', children: [{ type: 'text', text: 'b' }] }, { type: 'text', text: ' c' }] }]);
    expect(parseInline('\\*not em\\* \\`x\\`')).toEqual([{ type: 'text', text: '*not em* `x`' }]);
  });

  it('code spans keep their content verbatim, double backticks hold single ones', () => {
    expect(parseInline('`a *b* <i>`')).toEqual([{ type: 'code', text: 'a *b* <i>' }]);
    expect(parseInline('`` a`b ``')).toEqual([{ type: 'code', text: 'a`b' }]);
    expect(parseInline('an ` alone')).toEqual([{ type: 'text', text: 'an ` alone' }]);
  });

  it('links and images become link nodes with their address', () => {
    expect(parseInline('see [the docs](https://kernel.org/doc) now')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', children: [{ type: 'text', text: 'the docs' }], href: 'https://kernel.org/doc', image: false },
      { type: 'text', text: ' now' },
    ]);
    expect(parseInline('![graph](http://example.com/x.png)')).toEqual([{ type: 'link', children: [{ type: 'text', text: 'graph' }], href: 'http://example.com/x.png', image: true }]);
    expect(parseInline('[not a link] (x)')).toEqual([{ type: 'text', text: '[not a link] (x)' }]);
  });

  it('inlineText gives the plain text', () => {
    expect(inlineText(parseInline('a **b** `c` [d](e)'))).toBe('a b c d');
  });
});

describe('parseMarkdown: hostile input stays text', () => {
  it('raw HTML is text, never an element', () => {
    const md = '<script>window.__pwned=1</script>\n\n<img src=x onerror=alert(1)>\n\n<a href="javascript:alert(1)">x</a>';
    const blocks = parseMarkdown(md);
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(blocks[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '<script>window.__pwned=1</script>' }] });
    expect(blocks[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] });
  });

  it('a javascript: link keeps its address as data, to be shown as text', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { type: 'link', children: [{ type: 'text', text: 'click' }], href: 'javascript:alert(1', image: false },
      { type: 'text', text: ')' },
    ]);
  });

  it('nothing is lost: every character of ordinary text is in the tree', () => {
    const md = 'pid 21065 <b>x</b> & "quotes" \'single\' 内存 泄漏';
    expect(allText(parseMarkdown(md))).toBe(md);
  });

  it('stays linear on adversarial input', () => {
    const cases = ['*a '.repeat(40_000), '['.repeat(100_000) + ']', '`'.repeat(50_000), '_x '.repeat(40_000), '**'.repeat(50_000), '- '.repeat(1) + '  - '.repeat(2000), '> '.repeat(5000) + 'x', '![a]('.repeat(30_000)];
    for (const md of cases) {
      const t0 = Date.now();
      parseMarkdown(md);
      expect(Date.now() - t0).toBeLessThan(1500);
    }
  });

  it('deep nesting is capped, not recursed without end', () => {
    const deep = Array.from({ length: 500 }, (_, n) => `${' '.repeat(n * 2)}- item ${n}`).join('\n');
    expect(() => parseMarkdown(deep)).not.toThrow();
    expect(() => parseMarkdown('>'.repeat(10_000) + ' x')).not.toThrow();
  });
});
