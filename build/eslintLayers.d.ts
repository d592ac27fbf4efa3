import type { Linter } from 'eslint';

/** Which electron/ folders each electron/ folder may import (build/eslintLayers.js). */
export const allowedLayers: Readonly<Record<string, readonly string[]>>;
/** The lint configuration that enforces them, one entry per folder. */
export function layerRules(extraPaths?: readonly unknown[]): Linter.Config[];
