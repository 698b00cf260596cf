// The metric Rosetta stone for one group: every figure a person may have seen (kubectl top, the
// metrics API, cAdvisor's container_memory_*, docker/crictl stats, Σ VmRSS…), its formula, its
// value computed from this bundle with the inputs it came from, and — when a tool's output in the
// bundle printed one for the same pod or container — the value as the tool printed it.
import { useId, useMemo, type ReactNode } from 'react';
import { rosettaStone, type MemoryGroup, type MessageKey, type RosettaEntry, type ValueSource } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { bundleHref } from '../../app/router';
import { observedValues, type ParsedFileLike } from './observed';
import './findings.css';

const MAX_INPUTS_SHOWN = 4;

interface Props {
  bundleId: string;
  group: MemoryGroup;
  groupLabel: string;
  snapshotLabel: string;
  /** Parsed tool outputs that speak for this snapshot (see observedFilesFor). */
  observedFiles: readonly ParsedFileLike[];
}

export function RosettaPanel({ bundleId, group, groupLabel, snapshotLabel, observedFiles }: Props): ReactNode {
  const { t } = useI18n();
  const headingId = useId();
  const entries = useMemo(() => rosettaStone(group, observedValues(group, observedFiles)), [group, observedFiles]);
  return (
    <section className="panel rosetta-panel" aria-labelledby={headingId} data-testid="rosetta">
      <div className="panel-header">
        <h2 id={headingId}>{t('rosetta.title')}</h2>
        <span className="muted">{t('findingsUi.rosetta.for', { group: groupLabel, snapshot: snapshotLabel })}</span>
      </div>
      <div className="panel-body">
        <p className="muted rosetta-intro">{t('rosetta.intro')}</p>
        <table className="data rosetta-table" aria-label={t('rosetta.title')}>
          <thead>
            <tr>
              <th>{t('rosetta.col.metric')}</th>
              <th>{t('rosetta.col.formula')}</th>
              <th className="num">{t('rosetta.col.value')}</th>
              <th>{t('rosetta.col.observed')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <RosettaRow key={e.id} bundleId={bundleId} entry={e} />
            ))}
          </tbody>
        </table>
        <h3 className="rosetta-notes-title">{t('findingsUi.rosetta.notes')}</h3>
        <ul className="rosetta-notes">
          <li data-testid="rosetta-note-top">{t('rosetta.topHeader')}</li>
          <li data-testid="rosetta-note-jvm">{t('rosetta.jvm')}</li>
        </ul>
      </div>
    </section>
  );
}

function SourceLink({ bundleId, source, children }: { bundleId: string; source: ValueSource; children: ReactNode }): ReactNode {
  return (
    <a href={bundleHref(bundleId, 'files', source.file, source.line)} title={`${source.file}:${source.line}`}>
      {children}
    </a>
  );
}

function RosettaRow({ bundleId, entry }: { bundleId: string; entry: RosettaEntry }): ReactNode {
  const { t, bytes } = useI18n();
  const inputs = entry.inputs.slice(0, MAX_INPUTS_SHOWN);
  const observed = entry.observed;
  const delta = observed && entry.valueBytes !== null ? observed.bytes - entry.valueBytes : null;
  return (
    <tr data-metric={entry.id}>
      <td className="rosetta-label">{t(`rosetta.${entry.id}.label` as MessageKey)}</td>
      <td className="mono rosetta-formula">{t(`rosetta.${entry.id}.formula` as MessageKey)}</td>
      <td className="num rosetta-value">
        <span className="rosetta-bytes" title={entry.valueBytes !== null ? `${entry.valueBytes} B` : undefined}>
          {entry.valueBytes === null ? <span className="faint">{t('breakdown.unknown')}</span> : bytes(entry.valueBytes)}
        </span>
        {inputs.length > 0 && (
          <ul className="rosetta-inputs" aria-label={t('findingsUi.rosetta.inputs')}>
            {inputs.map((i, n) => (
              <li key={`${i.name}-${n}`}>
                {i.source ? (
                  <SourceLink bundleId={bundleId} source={i.source}>
                    <span className="mono">{i.name}</span>
                  </SourceLink>
                ) : (
                  <span className="mono">{i.name}</span>
                )}{' '}
                {bytes(i.bytes)}
              </li>
            ))}
            {entry.inputs.length > inputs.length && <li className="faint">{t('findingsUi.rosetta.moreInputs', { count: entry.inputs.length - inputs.length })}</li>}
          </ul>
        )}
      </td>
      <td className="rosetta-observed">
        {observed ? (
          <>
            <SourceLink bundleId={bundleId} source={observed.source}>
              <span className="mono">{observed.source.rawText ?? bytes(observed.bytes)}</span>
            </SourceLink>
            {observed.source.rawText && <span className="muted"> = {bytes(observed.bytes)}</span>}
            {delta !== null && (
              <div className="faint rosetta-delta">
                {delta === 0 ? t('findingsUi.rosetta.same') : t('findingsUi.rosetta.difference', { delta: `${delta > 0 ? '+' : '−'}${bytes(Math.abs(delta))}` })}
              </div>
            )}
          </>
        ) : (
          <span className="faint">{t('findingsUi.rosetta.notPrinted')}</span>
        )}
      </td>
    </tr>
  );
}
