// Bundle → OOM events: every OOM report in the bundle's kernel logs on a timeline, each with its
// verdict, and (opened) the answer, usage against limit, cgroup stats and task table. Reads the
// parse results stored at import (FileRecord.data); nothing is parsed on this thread.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { oomEventsOf, type AnalysisFile } from '../../../../core';
import { assembleSnapshots } from '../../../../core/assemble/assemble-snapshots';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../app/i18n';
import { db } from '../../db/database';
import type { BundleRecord, FileRecord } from '../../db/schema';
import { buildOomEventViews } from './oom-events';
import { placeEvents } from './timeline';
import { OomTimeline } from './OomTimeline';
import { OomEventCard } from './OomEventCard';
import './oom.css';

/** Up to this many events all start opened; with more, only the last one (the one that ended it). */
const OPEN_ALL_UP_TO = 3;

export function OomEventsTab({ bundle, files }: { bundle: BundleRecord; files: readonly FileRecord[] }): ReactNode {
  const { t } = useI18n();
  const analysisFiles = useMemo<AnalysisFile[]>(() => files.map(({ path, formatId, data }) => ({ path, formatId, data })), [files]);
  const hasEvents = useMemo(() => oomEventsOf(analysisFiles).length > 0, [analysisFiles]);
  // The snapshots name the cgroups (pod/container): the stored analysis's (null: none stored, for
  // a bundle imported before analyses were kept; undefined: still loading).
  const analysis = useLiveQuery(async () => (await db.analyses.get(bundle.id)) ?? null, [bundle.id]);
  const views = useMemo(() => {
    if (!hasEvents || analysis === undefined) return [];
    return buildOomEventViews(analysisFiles, analysis ? analysis.snapshots : assembleSnapshots(analysisFiles));
  }, [analysisFiles, hasEvents, analysis]);
  const placement = useMemo(() => placeEvents(views), [views]);
  const ordered = useMemo(() => placement.order.map((i) => views[i]).filter((v) => v !== undefined), [placement, views]);
  const numbers = useMemo(() => {
    const byIndex: number[] = [];
    placement.order.forEach((input, position) => (byIndex[input] = position + 1));
    return byIndex;
  }, [placement]);
  // null: the default, a few events opened, else the last. (The page keys this tab by bundle.)
  const [openIds, setOpenIds] = useState<ReadonlySet<string> | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const cards = useRef<HTMLDivElement>(null);

  if (hasEvents && analysis === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (views.length === 0) {
    return (
      <div className="empty-state" data-testid="oom-empty">
        <p>{t('oomView.empty')}</p>
      </div>
    );
  }
  const defaultOpen = new Set(ordered.length <= OPEN_ALL_UP_TO ? ordered.map((v) => v.id) : ordered.slice(-1).map((v) => v.id));
  const open = openIds ?? defaultOpen;
  const fileCount = new Set(views.flatMap((v) => v.copies.map((c) => c.file))).size;
  const setOpen = (id: string, isOpen: boolean): void => {
    if (open.has(id) === isOpen) return;
    const next = new Set(open);
    if (isOpen) next.add(id);
    else next.delete(id);
    setOpenIds(next);
  };
  const select = (id: string): void => {
    setSelectedId(id);
    setOpen(id, true);
    const card = [...(cards.current?.querySelectorAll<HTMLElement>('[data-event-id]') ?? [])].find((el) => el.dataset.eventId === id);
    card?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  return (
    <div className="oom-events">
      <p className="muted oom-summary" data-testid="oom-summary">
        {t('oomView.summary', { count: views.length, files: fileCount })}
      </p>
      <OomTimeline views={views} placement={placement} numbers={numbers} selectedId={selectedId} onSelect={select} />
      <div className="oom-event-list" ref={cards}>
        {ordered.map((v, position) => (
          <OomEventCard key={v.id} view={v} n={position + 1} bundleId={bundle.id} open={open.has(v.id)} selected={v.id === selectedId} onToggle={(isOpen) => setOpen(v.id, isOpen)} />
        ))}
      </div>
    </div>
  );
}
