#!/usr/bin/env node
// The `osmosis` command (package.json "bin"; `npm link` puts it on the PATH): runs the CLI from the
// TypeScript sources through tsx, as `npm run osmosis --` does.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
