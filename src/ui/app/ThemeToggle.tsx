import { memo } from 'react';
import { setThemeChoice, type ThemeChoice, useThemeStore } from './theme';

const OPTIONS: readonly { choice: ThemeChoice; label: string; title: string }[] = [
  { choice: 'system', label: 'System', title: 'Follow the system’s light or dark setting' },
  { choice: 'light', label: 'Light', title: 'Light theme' },
  { choice: 'dark', label: 'Dark', title: 'Dark theme' },
];

/** System / Light / Dark, as one segmented control; the choice is kept in localStorage. */
export const ThemeToggle = memo(function ThemeToggle() {
  const choice = useThemeStore((s) => s.choice);
  return (
    <fieldset className="segmented theme-toggle" data-testid="toolbar.theme">
      <legend className="visually-hidden">Theme</legend>
      {OPTIONS.map((o) => (
        <button
          key={o.choice}
          type="button"
          className="segment"
          aria-pressed={choice === o.choice}
          data-testid={`toolbar.theme.${o.choice}`}
          title={o.title}
          onClick={() => setThemeChoice(o.choice)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
});
