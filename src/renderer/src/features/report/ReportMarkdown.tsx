// A note's or the conclusion's Markdown in the report, from core's parser (src/core/notes/markdown.ts):
// text nodes and a fixed set of tags only, never HTML from the note. A link prints its text and
// its address (a printed page cannot be clicked); an image prints as its description and address.
import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type MdBlock, type MdInline } from '../../../../core';

export function ReportMarkdown({ markdown }: { markdown: string }): ReactNode {
  return <div className="r-markdown">{blocks(parseMarkdown(markdown))}</div>;
}

function blocks(list: readonly MdBlock[]): ReactNode[] {
  return list.map((b, i) => <Block key={i} block={b} />);
}

function Block({ block }: { block: MdBlock }): ReactNode {
  switch (block.type) {
    case 'heading':
      // Inside a note card: below the report's own headings.
      return <h4>{inline(block.children)}</h4>;
    case 'paragraph':
      return <p>{inline(block.children)}</p>;
    case 'code':
      return <pre className="r-md-code">{block.text}</pre>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{blocks(item)}</li>);
      return block.ordered ? <ol start={block.start !== 1 ? block.start : undefined}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return <blockquote>{blocks(block.children)}</blockquote>;
    case 'rule':
      return <hr />;
  }
}

function inline(nodes: readonly MdInline[]): ReactNode[] {
  return nodes.map((n, i) => <Inline key={i} node={n} />);
}

function Inline({ node }: { node: MdInline }): ReactNode {
  switch (node.type) {
    case 'text':
      return <Fragment>{node.text}</Fragment>;
    case 'strong':
      return <strong>{inline(node.children)}</strong>;
    case 'em':
      return <em>{inline(node.children)}</em>;
    case 'code':
      return <code className="r-md-code-span">{node.text}</code>;
    case 'break':
      return <br />;
    case 'link':
      return (
        <span>
          {inline(node.children)}
          <span className="r-muted"> ⟨{node.href}⟩</span>
        </span>
      );
  }
}
