import { useEffect } from 'react';
import { create } from 'zustand';
import { browserStorage, type KeyValueStorage, writeItem } from '../../store/storage';

/** What a person picked; 'system' follows `prefers-color-scheme`, live. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'berth.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function readThemeChoice(storage: KeyValueStorage): ThemeChoice {
  const saved = storage.getItem(THEME_KEY);
  return CHOICES.find((c) => c === saved) ?? 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

const storage = browserStorage();
const darkQuery =
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

interface ThemeState {
  choice: ThemeChoice;
  systemDark: boolean;
}

export const useThemeStore = create<ThemeState>()(() => ({
  choice: readThemeChoice(storage),
  systemDark: darkQuery?.matches ?? false,
}));

// Before the first paint, so a dark room never sees a white flash.
if (typeof document !== 'undefined') {
  const { choice, systemDark } = useThemeStore.getState();
  document.documentElement.dataset.theme = resolveTheme(choice, systemDark);
}

export function setThemeChoice(choice: ThemeChoice): void {
  writeItem(storage, THEME_KEY, choice, 'library');
  useThemeStore.setState({ choice });
}

/** The theme in force: what the canvas's `colorMode` and anything drawn outside CSS follow. */
export function useResolvedTheme(): Theme {
  return useThemeStore((s) => resolveTheme(s.choice, s.systemDark));
}

/**
 * Keeps `data-theme` on <html> in step with the choice and the system: every colour is a
 * variable in base.css keyed on it, so one attribute repaints the app, the canvas and charts.
 */
export function useThemeRoot(): Theme {
  const theme = useResolvedTheme();
  useEffect(() => {
    if (!darkQuery) return;
    const follow = (e: MediaQueryListEvent) => useThemeStore.setState({ systemDark: e.matches });
    darkQuery.addEventListener('change', follow);
    return () => darkQuery.removeEventListener('change', follow);
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
