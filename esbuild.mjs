// Bundles the client, the language server and the CLI with esbuild.
// `node esbuild.mjs` builds for development (sourcemaps); `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  // The client's activation bundle is small; vscode-languageclient is its own bundle, loaded just after activation.
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'], banner: { js: 'var __nianbaoLoadStart = performance.now();' } },
  { entryPoints: { languageClient: 'client/src/languageClient.ts' }, external: ['vscode'] },
  // The table view, its code lenses and Format Table run the core in the extension host: their own bundle too.
  { entryPoints: { tableView: 'client/src/tableView/index.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/main.ts' } },
  { entryPoints: { cli: 'cli/src/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { 'check-worker': 'cli/src/worker.ts' } },
  // The pure core as a library, for the benchmarks and the fuzzer.
  { entryPoints: { core: 'core/src/index.ts' } },
];

const contexts = await Promise.all(builds.map(b => esbuild.context({ ...common, outdir: 'dist', ...b })));
if (watch) {
  await Promise.all(contexts.map(c => c.watch()));
} else {
  await Promise.all(contexts.map(c => c.rebuild()));
  await Promise.all(contexts.map(c => c.dispose()));
}
