// Core's Markdown tree (src/core/notes/markdown.ts) as React elements: only text nodes and a fixed
// set of tags, never HTML from the text (no dangerouslySetInnerHTML anywhere). The app's notes and
// the printed report share this walk and differ only in a `MarkdownLook`: heading levels, class
// names, and how a link shows (it never opens: the app makes no network request).
import { Fragment, type ReactNode } from 'react';
import type { MdBlock, MdInline } from '../../../core';

export type MdLink = Extract<MdInline, { type: 'link' }>;

export interface MarkdownLook {
  /** The HTML heading level for a Markdown heading of `level` (1–6). */
  headingLevel(level: number): 1 | 2 | 3 | 4 | 5 | 6;
  headingClass?: string;
  codeBlock(text: string): ReactNode;
  codeSpanClass: string;
  /** A link or image: its text (already rendered) and its address, as text. Must be hook-free in the report. */
  link(node: MdLink, text: ReactNode[]): ReactNode;
}

export function MarkdownElements({ blocks, look }: { blocks: readonly MdBlock[]; look: MarkdownLook }): ReactNode {
  return <>{renderBlocks(blocks, look)}</>;
}

function renderBlocks(blocks: readonly MdBlock[], look: MarkdownLook): ReactNode[] {
  return blocks.map((b, i) => <Block key={i} block={b} look={look} />);
}

function Block({ block, look }: { block: MdBlock; look: MarkdownLook }): ReactNode {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${look.headingLevel(block.level)}` as 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag className={look.headingClass}>{renderInline(block.children, look)}</Tag>;
    }
    case 'paragraph':
      return <p>{renderInline(block.children, look)}</p>;
    case 'code':
      return look.codeBlock(block.text);
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderBlocks(item, look)}</li>);
      return block.ordered ? <ol start={block.start !== 1 ? block.start : undefined}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return <blockquote>{renderBlocks(block.children, look)}</blockquote>;
    case 'rule':
      return <hr />;
  }
}

function renderInline(nodes: readonly MdInline[], look: MarkdownLook): ReactNode[] {
  return nodes.map((n, i) => <Inline key={i} node={n} look={look} />);
}

function Inline({ node, look }: { node: MdInline; look: MarkdownLook }): ReactNode {
  switch (node.type) {
    case 'text':
      return <Fragment>{node.text}</Fragment>;
    case 'strong':
      return <strong>{renderInline(node.children, look)}</strong>;
    case 'em':
      return <em>{renderInline(node.children, look)}</em>;
    case 'code':
      return <code className={look.codeSpanClass}>{node.text}</code>;
    case 'break':
      return <br />;
    case 'link':
      return look.link(node, renderInline(node.children, look));
  }
}
