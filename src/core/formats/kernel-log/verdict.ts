// The verdict line of an OOM event, in either language: who was killed, where, and why.
import { translate, type Locale, type MessageKey } from '../../i18n/translate';
import { formatBytes, type SizeUnits } from '../../model/units';
import type { OomEvent } from './oom-types';

export function oomVerdict(event: OomEvent, locale: Locale, scopeName: string | null = null, units: SizeUnits = 'iec'): string {
  // A node-wide OOM is about the node, never the victim's cgroup.
  const scope = scopeName ?? (event.kind === 'global' ? translate(locale, 'oomView.node') : (event.oomMemcg ?? event.taskMemcg ?? '—'));
  const v = event.victim;
  if (event.noKillableProcesses) return translate(locale, 'oomView.verdict.noKillable', { scope });
  if (!v) return translate(locale, 'oomView.verdict.noVictim', { scope });
  const params = {
    victim: v.comm,
    pid: v.pid,
    scope,
    limit: formatBytes(event.memcg?.limitBytes ?? null, units),
    usage: formatBytes(event.memcg?.usageBytes ?? null, units),
  };
  let key: MessageKey;
  if (event.kind === 'global') key = 'oomView.verdict.global';
  else if (event.kind === 'memcg') key = event.memcg?.limitBytes != null ? 'oomView.verdict.memcg' : 'oomView.verdict.memcgNoLimit';
  else key = 'oomView.verdict.other';
  return translate(locale, key, params);
}

/** "the task table, the kill line" in the chosen language. */
export function missingPartsText(event: OomEvent, locale: Locale): string {
  return event.missing.map((part) => translate(locale, `oomPart.${part}` as MessageKey)).join(locale === 'zh-CN' ? '、' : ', ');
}
