// Runs every rule over an analysis input and renders the drafts: texts in the chosen language and
// evidence excerpts read from the files. A rule that throws is a bug: it is reported, not fatal.
import { hasMessage, translate, type Locale, type MessageKey, type MessageParams } from '../i18n/translate';
import { RULES } from './registry';
import { SEVERITY_ORDER, type AnalysisInput, type Evidence, type Finding, type FindingDraft, type Rule } from './rule';

/** Returns the text of lines [start, end] of a bundle file (1-based, inclusive), or null when unknown. */
export type LineReader = (file: string, lineStart: number, lineEnd: number) => string | null;

export interface RuleRun {
  drafts: FindingDraft[];
  /** Rules that failed (bugs), with their message. */
  failures: { ruleId: string; message: string }[];
}

export function evaluateRules(input: AnalysisInput, rules: readonly Rule[] = RULES): RuleRun {
  const drafts: FindingDraft[] = [];
  const failures: RuleRun['failures'] = [];
  for (const rule of rules) {
    try {
      drafts.push(...rule.evaluate(input));
    } catch (error) {
      failures.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { drafts: sortDrafts(drafts), failures };
}

export function sortDrafts<T extends Pick<FindingDraft, 'severity' | 'id'>>(drafts: T[]): T[] {
  return [...drafts].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id));
}

/**
 * A parameter whose value is `@<message key>` is itself a message, rendered in the finding's language
 * with the same parameters (one level deep), so a stored draft renders in English and Chinese alike.
 */
export function resolveMessageParams(params: MessageParams, locale: Locale): MessageParams {
  const out: MessageParams = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || !value.startsWith('@')) continue;
    const key = value.slice(1);
    out[name] = hasMessage(key) ? translate(locale, key, params) : value;
  }
  return out;
}

/** Longest excerpt kept per evidence reference: the cited lines only, never a whole file. */
const MAX_EXCERPT_LINES = 40;

export function localizeFinding(draft: FindingDraft, locale: Locale, readLines: LineReader): Finding {
  const key = (suffix: string) => `finding.${draft.id}.${suffix}` as MessageKey;
  const evidence: Evidence[] = draft.evidence.map((ref) => {
    const end = Math.min(ref.lineEnd, ref.lineStart + MAX_EXCERPT_LINES - 1);
    return { ...ref, excerpt: readLines(ref.file, ref.lineStart, end) ?? '' };
  });
  const params = resolveMessageParams(draft.params, locale);
  return {
    ...draft,
    title: translate(locale, key('title'), params),
    summary: translate(locale, key('summary'), params),
    advice: translate(locale, key('advice'), params),
    evidence,
  };
}

/**
 * One finding per rule and group for the bundle as a whole: the same verdict in several snapshots
 * (before, during, after) is kept once, from the most severe and then the latest snapshot.
 */
export function collapseAcrossSnapshots(drafts: readonly FindingDraft[], snapshotOrder: readonly string[]): (FindingDraft & { snapshotIds: string[] })[] {
  const order = new Map(snapshotOrder.map((id, i) => [id, i]));
  const byKey = new Map<string, FindingDraft & { snapshotIds: string[] }>();
  for (const d of drafts) {
    const k = `${d.id}\u0000${d.scopeKey}`;
    const existing = byKey.get(k);
    const ids = [...(existing?.snapshotIds ?? []), ...(d.snapshotId ? [d.snapshotId] : [])];
    const better =
      !existing ||
      SEVERITY_ORDER[d.severity] < SEVERITY_ORDER[existing.severity] ||
      (d.severity === existing.severity && (order.get(d.snapshotId ?? '') ?? -1) > (order.get(existing.snapshotId ?? '') ?? -1));
    byKey.set(k, { ...(better ? d : existing), snapshotIds: ids });
  }
  return sortDrafts([...byKey.values()]);
}
