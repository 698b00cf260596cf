// Findings of the two snapshots, matched by rule and group: new (only after), resolved (only
// before), persisting (both). Titles in the user's language; evidence stays on the bundle pages.
import type { ReactNode } from 'react';
import { localizeFinding, type FindingDraft, type FindingsDiff as FindingsDiffData, type MessageKey, type Severity } from '../../../../core';
import { useI18n } from '../../app/i18n';

const SEVERITY_BADGE: Record<Severity, string> = { critical: 'bad', warning: 'warn', info: 'ok' };
const COLUMNS: { id: keyof FindingsDiffData<FindingDraft>; label: MessageKey }[] = [
  { id: 'new', label: 'compare.findings.new' },
  { id: 'resolved', label: 'compare.findings.resolved' },
  { id: 'persisting', label: 'compare.findings.persisting' },
];

export function FindingsDiff({ findings }: { findings: FindingsDiffData<FindingDraft> }): ReactNode {
  const { t, locale } = useI18n();
  const total = findings.new.length + findings.resolved.length + findings.persisting.length;
  if (total === 0) return <p className="muted">{t('compare.findings.empty')}</p>;
  return (
    <div className="cmp-findings">
      {COLUMNS.map((col) => {
        const list = findings[col.id];
        return (
          <section key={col.id} className={`cmp-findings-col cmp-findings-${col.id}`} aria-label={t(col.label)} data-testid={`findings-${col.id}`}>
            <h3>
              {t(col.label)} <span className="tab-count">{list.length}</span>
            </h3>
            {list.length === 0 ? (
              <p className="faint">{t('compare.findings.none')}</p>
            ) : (
              <ul>
                {list.map((d, i) => {
                  const f = localizeFinding(d, locale, () => null);
                  return (
                    <li key={`${d.id}-${d.scopeKey}-${i}`} data-finding={d.id} title={f.summary}>
                      <span className={`badge ${SEVERITY_BADGE[d.severity]}`}>{t(`finding.severity.${d.severity}`)}</span> <span className="cmp-finding-title">{f.title}</span>
                      <div className="faint cmp-finding-scope">{d.scope}</div>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
