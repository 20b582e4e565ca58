import { useEffect } from 'react';
import { create } from 'zustand';
import { browserStorage, writeItem } from '../../store/storage';

/**
 * Presenter mode: for a projector at the back of a room. Kept across reloads, since a talk
 * reloads the page more than once; the key P toggles it (outside fields).
 */
export const PRESENTER_KEY = 'berth.presenter';
const storage = browserStorage();

export const usePresenterStore = create<{ on: boolean }>()(() => ({
  on: storage.getItem(PRESENTER_KEY) === '1',
}));

export function setPresenter(on: boolean): void {
  writeItem(storage, PRESENTER_KEY, on ? '1' : '0', 'library');
  usePresenterStore.setState({ on });
}

export const usePresenter = (): boolean => usePresenterStore((s) => s.on);

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The key P, anywhere but in a field or with a modifier (Ctrl+P prints). */
export function usePresenterKey(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'p' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target) || event.repeat) return;
      event.preventDefault();
      setPresenter(!usePresenterStore.getState().on);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
