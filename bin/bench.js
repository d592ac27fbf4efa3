#!/usr/bin/env node
// `npm run bench`: runs the TypeScript benchmark sources directly (tsx).
import { register } from 'tsx/esm/api';

register();
await import('../tests/bench/main.ts');
