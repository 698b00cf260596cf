import { describe, expect, it } from 'vitest';
import type { ImportSource } from '../shared/bridge';
import { ImportDelivery } from './import-delivery';
import { createMemoryLogger } from './logger';

const source = (n: number): ImportSource => ({ token: `t${n}`, displayPath: `f${n}`, sizeBytes: n });

function target() {
  const sent: unknown[][] = [];
  let destroyed = false;
  return { sent, destroy: () => (destroyed = true), isDestroyed: () => destroyed, send: (...args: unknown[]) => sent.push(args) };
}

describe('ImportDelivery', () => {
  it('holds sources until the page has loaded, then sends them in order', () => {
    const delivery = new ImportDelivery(createMemoryLogger());
    delivery.deliver([source(1)]);
    delivery.deliver([source(2), source(3)]);
    delivery.deliver([]);
    expect(delivery.heldCount).toBe(3);
    const page = target();
    delivery.pageLoaded(page);
    expect(page.sent).toEqual([
      ['import:sources', [source(1)]],
      ['import:sources', [source(2), source(3)]],
    ]);
    delivery.deliver([source(4)]);
    expect(page.sent).toHaveLength(3);
    expect(delivery.heldCount).toBe(0);
  });
  it('holds again while the page reloads or after the window is destroyed', () => {
    const delivery = new ImportDelivery(createMemoryLogger());
    const page = target();
    delivery.pageLoaded(page);
    delivery.pageGone();
    delivery.deliver([source(1)]);
    expect(page.sent).toHaveLength(0);
    delivery.pageLoaded(page);
    page.destroy();
    delivery.deliver([source(2)]);
    expect(delivery.heldCount).toBe(1);
    delivery.clear();
    expect(delivery.heldCount).toBe(0);
  });
  it('drops the oldest batch beyond its bound, and logs it', () => {
    const log = createMemoryLogger();
    const delivery = new ImportDelivery(log);
    for (let i = 0; i < 101; i++) delivery.deliver([source(i)]);
    expect(delivery.heldCount).toBe(100);
    expect(log.lines[0]).toContain('dropped 1 import source(s)');
  });
});
