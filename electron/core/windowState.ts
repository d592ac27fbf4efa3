import type { WindowState } from '../../shared/preferences';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const defaultWindowSize = { width: 1200, height: 800 } as const;

/**
 * Where to open the window: where it was, if that place is still on a screen (a laptop
 * unplugged from its monitor must not open the window off-screen), else the default size
 * where the OS puts it.
 */
export function restoredBounds(saved: WindowState | undefined, workAreas: readonly Rectangle[]): Partial<Rectangle> & { width: number; height: number } {
  if (!saved) return { ...defaultWindowSize };
  const visible = workAreas.some(
    (area) =>
      saved.x !== undefined &&
      saved.y !== undefined &&
      saved.x + 100 <= area.x + area.width &&
      saved.x + saved.width - 100 >= area.x &&
      saved.y >= area.y &&
      saved.y + 40 <= area.y + area.height,
  );
  const size = { width: saved.width, height: saved.height };
  return visible && saved.x !== undefined && saved.y !== undefined ? { ...size, x: saved.x, y: saved.y } : size;
}
