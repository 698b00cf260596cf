// Any format's parse result as tables, without per-format code: objects of plain values become
// key/value tables, arrays of records become tables with a column per key, nesting becomes
// sections. Formats with a richer view register it in parsed-views.tsx.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';

const ROW_PAGE = 200;

type Plain = string | number | boolean | null;

function isPlain(v: unknown): v is Plain | undefined {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function PlainValue({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <span className="faint">—</span>;
  if (typeof value === 'boolean') return <span className="mono">{value ? 'true' : 'false'}</span>;
  if (typeof value === 'number') return <span className="mono num">{String(value)}</span>;
  if (typeof value === 'string') return <span className="mono">{value}</span>;
  return <span className="mono">{JSON.stringify(value)}</span>;
}

export function ParsedValue({ value, depth = 0, label }: { value: unknown; depth?: number; label?: string }): ReactNode {
  if (isPlain(value)) return <PlainValue value={value} />;
  if (Array.isArray(value)) return <ArrayView items={value} depth={depth} label={label} />;
  if (isRecord(value)) return <RecordView record={value} depth={depth} label={label} />;
  return <PlainValue value={value} />;
}

function RecordView({ record, depth, label }: { record: Record<string, unknown>; depth: number; label?: string }): ReactNode {
  const { t } = useI18n();
  const entries = Object.entries(record);
  const plain = entries.filter(([, v]) => isPlain(v));
  const nested = entries.filter(([, v]) => !isPlain(v));
  return (
    <div className="parsed-record">
      {plain.length > 0 && (
        <PagedTable
          label={label}
          head={[t('parsed.key'), t('parsed.value')]}
          rows={plain.map(([k, v]) => [<span className="mono" key="k">{k}</span>, <PlainValue key="v" value={v} />])}
        />
      )}
      {nested.map(([k, v]) => (
        <details key={k} className="parsed-section" open={depth < 1}>
          <summary>
            <span className="mono">{k}</span> <span className="faint">{summarise(v, t)}</span>
          </summary>
          <div className="parsed-nested">
            <ParsedValue value={v} depth={depth + 1} label={k} />
          </div>
        </details>
      ))}
      {entries.length === 0 && <span className="faint">{t('parsed.empty')}</span>}
    </div>
  );
}

function ArrayView({ items, depth, label }: { items: unknown[]; depth: number; label?: string }): ReactNode {
  const { t } = useI18n();
  if (items.length === 0) return <span className="faint">{t('parsed.empty')}</span>;
  if (items.every(isPlain)) {
    return <PagedTable label={label} head={['#', t('parsed.value')]} rows={items.map((v, i) => [<span className="faint" key="i">{i}</span>, <PlainValue key="v" value={v} />])} />;
  }
  if (items.every(isRecord)) {
    const columns: string[] = [];
    for (const item of items) for (const k of Object.keys(item)) if (!columns.includes(k)) columns.push(k);
    const rows = items.map((item) => columns.map((c) => (isPlain(item[c]) ? <PlainValue key={c} value={item[c]} /> : <NestedCell key={c} value={item[c]} depth={depth} />)));
    return <PagedTable label={label} head={columns} rows={rows} />;
  }
  return (
    <ol className="parsed-list">
      {items.map((v, i) => (
        <li key={i}>
          <ParsedValue value={v} depth={depth + 1} />
        </li>
      ))}
    </ol>
  );
}

function NestedCell({ value, depth }: { value: unknown; depth: number }): ReactNode {
  const { t } = useI18n();
  return (
    <details className="parsed-cell">
      <summary className="faint">{summarise(value, t)}</summary>
      <ParsedValue value={value} depth={depth + 1} />
    </details>
  );
}

function summarise(value: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (Array.isArray(value)) return t('parsed.items', { count: value.length });
  if (isRecord(value)) return t('parsed.fields', { count: Object.keys(value).length });
  return '';
}

function PagedTable({ head, rows, label }: { head: string[]; rows: ReactNode[][]; label?: string }): ReactNode {
  const { t } = useI18n();
  const [shown, setShown] = useState(ROW_PAGE);
  return (
    <>
      <table className="data parsed-table" aria-label={label}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((cells, i) => (
            <tr key={i}>
              {cells.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <button type="button" className="button-link" onClick={() => setShown((n) => n + ROW_PAGE * 5)}>
          {t('parsed.showMore', { count: rows.length - shown })}
        </button>
      )}
    </>
  );
}
