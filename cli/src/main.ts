import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { Lang } from '../../core/src';
import { collectFiles } from './files';
import { checkAll } from './pool';
import type { Format } from './entries';
import { addCounts, formatSarif, summaryText, type Summary } from './format';
import type { FileResult } from './checkFile';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';

function lang(v: string): Lang {
  const l = v.toLowerCase();
  if (l === 'en' || l.startsWith('en-')) return 'en';
  if (l === 'zh' || l === 'zh-cn' || l === 'zh-hans') return 'zh-CN';
  throw new InvalidArgumentError('use zh-CN or en');
}
function format(v: string): Format {
  if (v === 'text' || v === 'json' || v === 'sarif') return v;
  throw new InvalidArgumentError('use text, json or sarif');
}

async function check(paths: string[], opts: { format: Format; lang: Lang; progress: boolean; jobs?: number }): Promise<number> {
  const { files, missing } = await collectFiles(paths);
  for (const m of missing) process.stderr.write(`nianbao: ${opts.lang === 'en' ? 'no such file or folder' : '找不到文件或文件夹'}: ${m}\n`);
  if (!files.length) {
    process.stderr.write(`nianbao: ${opts.lang === 'en' ? 'no report files to check (.txt .md .html .htm)' : '没有可检查的年报文件（.txt .md .html .htm）'}\n`);
    return 2;
  }
  const bar = opts.progress && process.stderr.isTTY && files.length > 1
    ? new SingleBar({ format: `nianbao {bar} {value}/{total} {percentage}%`, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic)
    : null;
  bar?.start(files.length, 0);
  const out = process.stdout;
  // The reader went away (`nianbao check … | head`): stop at once, quietly, as grep and ripgrep do.
  out.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  const write = (s: string | Uint8Array) => new Promise<void>(resolve => { if (out.write(s)) resolve(); else out.once('drain', resolve); });
  const summary: Summary = { files: 0, reports: 0, errors: 0, warnings: 0 };
  const sarif: FileResult[] = [];
  let unreadable = false;
  if (opts.format === 'json') await write('{"version":1,"files":[');
  const color = opts.format === 'text' && !!out.isTTY && !process.env.NO_COLOR;
  let done = 0;
  await checkAll(files, { lang: opts.lang, format: opts.format, color }, async b => {
    for (const e of b.entries) {
      addCounts(summary, e.counts);
      unreadable ||= e.counts.unreadable;
      if (e.result) sarif.push(e.result);
    }
    bar?.update((done += b.entries.length));
    if (b.bytes.length) await write(b.bytes);
  }, opts.jobs);
  bar?.stop();
  if (opts.format === 'json') await write(`],"summary":${JSON.stringify(summary)}}\n`);
  else if (opts.format === 'sarif') await write(formatSarif(sarif, opts.lang, VERSION) + '\n');
  else await write(summaryText(summary, opts.lang));
  if (missing.length || unreadable) return 2;
  return summary.errors > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command();
  program.name('nianbao').description('Checks government information-disclosure annual reports (政府信息公开工作年度报告).')
    .version(VERSION).exitOverride().configureOutput({ writeErr: s => process.stderr.write(s) });
  program.command('check').description('check report files or folders (.txt .md .html .htm)')
    .argument('<paths...>', 'files or folders')
    .option('-f, --format <format>', 'text, json or sarif', format, 'text')
    .option('-l, --lang <lang>', 'message language: zh-CN or en', lang, 'zh-CN' as Lang)
    .option('--no-progress', 'no progress bar')
    .option('-j, --jobs <n>', 'worker threads (default: one per core)', v => Math.max(1, parseInt(v, 10) || 1))
    .action(async (paths: string[], opts) => { code = await check(paths, opts); });
  program.command('lsp').description('start the language server (for any LSP editor)')
    .option('--stdio', 'talk over stdin/stdout (the default)')
    .action(() => {
      // The server is bundled next to this file by esbuild.mjs; it talks over stdio unless started over IPC.
      const serverPath = require('node:path').join(__dirname, 'server.js');
      require(serverPath);
      code = -1;
    });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2;
  }
  return code;
}

if (require.main === module) {
  main(process.argv).then(code => { if (code >= 0) process.exitCode = code; }, e => { process.stderr.write(`nianbao: ${e && e.stack || e}\n`); process.exitCode = 2; });
}
