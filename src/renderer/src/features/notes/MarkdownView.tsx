// Markdown of a note or a conclusion, as React elements built from core's parser: only text nodes
// and a fixed set of tags, never HTML from the note (no dangerouslySetInnerHTML anywhere). Raw HTML
// shows as the text it is; a link shows its text and address, and opens nothing; an image loads
// nothing. The app makes no network request.
import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type MdBlock, type MdInline } from '../../../../core';
import { useI18n } from '../../app/i18n';

export function MarkdownView({ markdown, className }: { markdown: string; className?: string }): ReactNode {
  const blocks = useMemo(() => parseMarkdown(markdown), [markdown]);
  return <div className={className ? `markdown ${className}` : 'markdown'}>{renderBlocks(blocks)}</div>;
}

function renderBlocks(blocks: readonly MdBlock[]): ReactNode[] {
  return blocks.map((b, i) => <Block key={i} block={b} />);
}

function Block({ block }: { block: MdBlock }): ReactNode {
  switch (block.type) {
    case 'heading': {
      // Notes sit inside panels: their headings rank below the page's own.
      const level = Math.min(6, block.level + 2);
      const Tag = `h${level}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag className="md-heading">{renderInline(block.children)}</Tag>;
    }
    case 'paragraph':
      return <p>{renderInline(block.children)}</p>;
    case 'code':
      return (
        <pre className="md-code">
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderBlocks(item)}</li>);
      return block.ordered ? <ol start={block.start !== 1 ? block.start : undefined}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return <blockquote>{renderBlocks(block.children)}</blockquote>;
    case 'rule':
      return <hr />;
  }
}

function renderInline(nodes: readonly MdInline[]): ReactNode[] {
  return nodes.map((n, i) => <Inline key={i} node={n} />);
}

function Inline({ node }: { node: MdInline }): ReactNode {
  switch (node.type) {
    case 'text':
      return <Fragment>{node.text}</Fragment>;
    case 'strong':
      return <strong>{renderInline(node.children)}</strong>;
    case 'em':
      return <em>{renderInline(node.children)}</em>;
    case 'code':
      return <code className="md-code-span">{node.text}</code>;
    case 'break':
      return <br />;
    case 'link':
      return <LinkAsText node={node} />;
  }
}

function LinkAsText({ node }: { node: Extract<MdInline, { type: 'link' }> }): ReactNode {
  const { t } = useI18n();
  const title = node.image ? t('notes.imageShown', { href: node.href }) : t('notes.linkShown', { href: node.href });
  return (
    <span className="md-link" title={title}>
      {renderInline(node.children)}
      <span className="md-link-url"> ⟨{node.href}⟩</span>
    </span>
  );
}
