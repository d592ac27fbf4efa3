#!/usr/bin/env node
// Development and test tool: runs the TypeScript sources directly (tsx), no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/harness/main.ts');
