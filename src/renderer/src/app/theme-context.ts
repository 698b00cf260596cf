// The light/dark theme in effect, for components that draw their own colours (Monaco).
import { createContext, useContext } from 'react';
import type { EffectiveTheme } from './theme';

export const ThemeContext = createContext<EffectiveTheme>('light');

export function useTheme(): EffectiveTheme {
  return useContext(ThemeContext);
}
