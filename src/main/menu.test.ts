import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { translator } from '../core/i18n/translate';
import type { MenuCommand } from '../shared/bridge';
import { buildMenuTemplate, type MenuActions } from './menu';

function fakeActions(): MenuActions & { commands: MenuCommand[] } {
  const commands: MenuCommand[] = [];
  return { commands, importFiles: vi.fn(), importFolder: vi.fn(), command: (c) => commands.push(c), showLogFolder: vi.fn() };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const list = item?.submenu;
  if (!Array.isArray(list)) throw new Error(`menu ${item?.label} has no submenu`);
  return list;
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((i) => i.type !== 'separator').map((i) => i.label ?? `(${i.role})`);
}

function find(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const top of template) {
    if (top.id === id) return top;
    for (const item of Array.isArray(top.submenu) ? top.submenu : []) if (item.id === id) return item;
  }
  throw new Error(`no menu item ${id}`);
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help in English on Linux and Windows', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const template = buildMenuTemplate({ platform, t: translator('en'), actions: fakeActions() });
      expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(labels(submenu(template[0]))).toEqual([
        'Import Files…',
        'Import Folder…',
        'Open Sample Incident',
        'Incident Library',
        'Export Report PDF…',
        'Settings…',
        'Quit OOMScope',
      ]);
      expect(labels(submenu(template[1]))).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']);
      expect(labels(submenu(template[2]))).toEqual(['Reload', 'Toggle Developer Tools', 'Actual Size', 'Zoom In', 'Zoom Out', 'Toggle Full Screen']);
      expect(labels(submenu(template[4]))).toEqual(['How to Collect a Bundle', 'Show Log Folder', 'About OOMScope']);
    }
  });

  it('is in Simplified Chinese for a zh locale', () => {
    const template = buildMenuTemplate({ platform: 'linux', t: translator('zh-CN'), actions: fakeActions() });
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(submenu(template[0]))).toEqual(['导入文件…', '导入文件夹…', '打开示例事故', '事故资料库', '导出报告 PDF…', '设置…', '退出 OOMScope']);
    expect(labels(submenu(template[4]))).toEqual(['如何采集数据包', '打开日志文件夹', '关于 OOMScope']);
  });

  it('puts About, Settings and Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate({ platform: 'darwin', t: translator('en'), actions: fakeActions() });
    expect(template.map((m) => m.label)).toEqual(['OOMScope', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(submenu(template[0]))).toEqual(['About OOMScope', 'Settings…', 'Services', 'Hide OOMScope', 'Hide Others', 'Show All', 'Quit OOMScope']);
    expect(labels(submenu(template[1]))).not.toContain('Quit OOMScope');
    expect(labels(submenu(template[5]))).toEqual(['How to Collect a Bundle', 'Show Log Folder']);
  });

  it('runs imports in main and sends the other commands to the renderer', () => {
    const actions = fakeActions();
    const template = buildMenuTemplate({ platform: 'linux', t: translator('en'), actions });
    click(find(template, 'import-files'));
    click(find(template, 'import-folder'));
    click(find(template, 'open-sample'));
    click(find(template, 'open-library'));
    click(find(template, 'export-pdf'));
    click(find(template, 'settings'));
    click(find(template, 'collect-help'));
    click(find(template, 'show-logs'));
    expect(actions.importFiles).toHaveBeenCalledTimes(1);
    expect(actions.importFolder).toHaveBeenCalledTimes(1);
    expect(actions.showLogFolder).toHaveBeenCalledTimes(1);
    expect(actions.commands).toEqual(['open-sample', 'open-library', 'print-report', 'open-settings', 'show-collect-help']);
  });

  it('uses Electron roles for standard entries and keyboard shortcuts for imports', () => {
    const template = buildMenuTemplate({ platform: 'linux', t: translator('en'), actions: fakeActions() });
    expect(submenu(template[1]).map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(find(template, 'import-files').accelerator).toBe('CmdOrCtrl+O');
    expect(find(template, 'about').role).toBe('about');
    expect(find(template, 'quit').role).toBe('quit');
  });
});
