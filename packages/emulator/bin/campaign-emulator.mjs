#!/usr/bin/env node
// The built command (`pnpm build` first); in the workspace, `pnpm emulator` runs the TypeScript directly.
import '../dist/bin.js';
