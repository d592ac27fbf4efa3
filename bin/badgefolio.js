#!/usr/bin/env node
// The badgefolio CLI runs the TypeScript sources directly (tsx): it works right after
// `npm install`, in plain Node, without Electron and without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
