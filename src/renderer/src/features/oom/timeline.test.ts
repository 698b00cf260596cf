import { describe, expect, it } from 'vitest';
import { placeEvents, uptimeText, wallClockOf } from './timeline';

describe('wall-clock times of kernel-log prefixes', () => {
  it('reads dmesg -T ctime, also localised', () => {
    expect(wallClockOf('Sun Nov 22 12:09:34 2026', 2000)).toEqual({ ms: Date.UTC(2026, 10, 22, 12, 9, 34), yearKnown: true });
    expect(wallClockOf('Thu May  9 14:52:38 2024', 2000)).toEqual({ ms: Date.UTC(2024, 4, 9, 14, 52, 38), yearKnown: true });
    expect(wallClockOf('二 9月  3 05:57:48 2024', 2000)).toEqual({ ms: Date.UTC(2024, 8, 3, 5, 57, 48), yearKnown: true });
  });

  it('reads syslog times with the year given, and marks the year as supplied', () => {
    expect(wallClockOf('Nov 11 06:55:00', 2024)).toEqual({ ms: Date.UTC(2024, 10, 11, 6, 55, 0), yearKnown: false });
    expect(wallClockOf('May  8 14:05:27', 2019)).toEqual({ ms: Date.UTC(2019, 4, 8, 14, 5, 27), yearKnown: false });
    expect(wallClockOf('Oct 12 19:00:20.123456', 2023)?.ms).toBe(Date.UTC(2023, 9, 12, 19, 0, 20) + 123);
  });

  it('reads ISO times with their zone, and short-full times', () => {
    expect(wallClockOf('2026-11-22T12:09:34+0800', 2000)?.ms).toBe(Date.UTC(2026, 10, 22, 4, 9, 34));
    expect(wallClockOf('2024-01-01T12:00:00,500000+00:00', 2000)?.ms).toBe(Date.UTC(2024, 0, 1, 12, 0, 0) + 500);
    expect(wallClockOf('2024-01-01T12:00:00Z', 2000)?.ms).toBe(Date.UTC(2024, 0, 1, 12, 0, 0));
    expect(wallClockOf('Sun 2024-01-01 12:00:00 UTC', 2000)?.ms).toBe(Date.UTC(2024, 0, 1, 12, 0, 0));
  });

  it('has no wall-clock time for uptimes, junk, impossible dates', () => {
    expect(wallClockOf('1515.710152', 2000)).toBeNull();
    expect(wallClockOf(null, 2000)).toBeNull();
    expect(wallClockOf('', 2000)).toBeNull();
    expect(wallClockOf('Foo 12 10:00:00', 2000)).toBeNull();
    expect(wallClockOf('Nov 40 10:00:00', 2000)).toBeNull();
    expect(wallClockOf('2024-13-01T00:00:00Z', 2000)).toBeNull();
    expect(wallClockOf('x'.repeat(10_000), 2000)).toBeNull();
    expect(wallClockOf('13月  3 05:57:48 2024', 2000)).toBeNull();
  });
});

describe('placing events on the timeline', () => {
  it('places by time when every event has one, earliest left', () => {
    const p = placeEvents([{ wallMs: 3000 }, { wallMs: 1000 }, { wallMs: 2000 }]);
    expect(p.mode).toBe('time');
    expect(p.order).toEqual([1, 2, 0]);
    expect(p.x[1]).toBeCloseTo(0.04);
    expect(p.x[2]).toBeCloseTo(0.5);
    expect(p.x[0]).toBeCloseTo(0.96);
    expect(p.lane).toEqual([0, 0, 0]);
    expect(p.startMs).toBe(1000);
    expect(p.endMs).toBe(3000);
  });

  it('stacks events at the same moment in lanes', () => {
    const p = placeEvents([{ wallMs: 5000 }, { wallMs: 5000 }, { wallMs: 5000 }]);
    expect(p.x).toEqual([0.5, 0.5, 0.5]);
    expect(p.lane).toEqual([0, 1, 2]);
    const q = placeEvents([{ wallMs: 0 }, { wallMs: 1 }, { wallMs: 1_000_000 }]);
    expect(q.lane).toEqual([0, 1, 0]);
  });

  it('places by order when any event lacks a wall-clock time', () => {
    const p = placeEvents([{ wallMs: 1000 }, { wallMs: null }, { wallMs: 500 }]);
    expect(p.mode).toBe('order');
    expect(p.order).toEqual([0, 1, 2]);
    expect(p.x[0]).toBeCloseTo(0.04);
    expect(p.x[1]).toBeCloseTo(0.5);
    expect(p.x[2]).toBeCloseTo(0.96);
    expect(placeEvents([{ wallMs: null }]).x).toEqual([0.5]);
  });

  it('handles no events', () => {
    expect(placeEvents([])).toEqual({ mode: 'order', x: [], lane: [], order: [], startMs: null, endMs: null });
  });

  it('writes uptimes short', () => {
    expect(uptimeText(1515.710152)).toBe('1515.71');
    expect(uptimeText(40.854197)).toBe('40.854');
  });
});
