// Light/dark: the OS preference unless the user picked one; `data-theme` on <html> carries the override.
import { useEffect, useState } from 'react';
import type { ThemeSetting } from './settings';

export type EffectiveTheme = 'light' | 'dark';

function systemTheme(): EffectiveTheme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useEffectiveTheme(setting: ThemeSetting): EffectiveTheme {
  const [system, setSystem] = useState<EffectiveTheme>(systemTheme);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return undefined;
    const onChange = (): void => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const effective = setting === 'system' ? system : setting;
  useEffect(() => {
    const root = document.documentElement;
    if (setting === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', setting);
    root.style.colorScheme = effective;
  }, [setting, effective]);
  return effective;
}
