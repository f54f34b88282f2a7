import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { Lang, Severity, UnusedDirectives } from '../../core/src';
import { collectFiles, type WalkProblem } from './files';
import { checkAll } from './pool';
import { renderChecked, takeRendered, type RenderedBatch, type RenderOptions } from './entries';
import { addCounts, formatSarif, FORMATS, RULES_DOCS, summaryText, type Format, type Summary } from './format';
import { checkBytes, type FileResult } from './checkFile';
import { parseRule } from './policy';
import { acrossJson, acrossText, checkAcrossYears } from './acrossYears';
import { ConfigError, configFingerprint, configFor, isIgnored, unusedDirectivesOf } from '../../config/projectConfig';
import { cacheFile, cacheKey, loadCache, saveCache, type CachedEntry } from './cache';
import { shownPath } from './display';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';

function lang(v: string): Lang {
  const l = v.toLowerCase();
  if (l === 'en' || l.startsWith('en-')) return 'en';
  if (l === 'zh' || l === 'zh-cn' || l === 'zh-hans') return 'zh-CN';
  throw new InvalidArgumentError('use zh-CN or en');
}
function format(v: string): Format {
  if ((FORMATS as string[]).includes(v)) return v as Format;
  throw new InvalidArgumentError(`use ${FORMATS.join(', ')}`);
}
const count = (min: number, max: number) => (v: string): number => {
  const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!(n >= min && n <= max)) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
  return n;
};
const rule = (v: string, prev: Record<string, Severity | 'off'> = {}) => {
  try { return parseRule(v, { ...prev }); } catch (e) { throw new InvalidArgumentError((e as Error).message); }
};
const collect = (v: string, prev: string[] = []) => [...prev, v];

interface CheckFlags {
  format: Format; lang: Lang; progress: boolean; jobs?: number; quiet?: boolean; maxWarnings?: number;
  outputFile?: string; rule?: Record<string, Severity | 'off'>; ignorePattern?: string[]; gitignore: boolean;
  stdinFilename?: string; fix?: boolean; fixDryRun?: boolean; cache?: boolean; cacheLocation?: string; acrossYears?: boolean;
  reportUnusedDisableDirectives?: boolean; reportUnusedDisableDirectivesSeverity?: UnusedDirectives;
}

const unusedSeverity = (v: string): UnusedDirectives => {
  const u = unusedDirectivesOf(v);
  if (!u) throw new InvalidArgumentError('off, warn or error');
  return u;
};

const KINDS_ZH: Record<string, string> = { 'fifo': '命名管道', 'socket': '套接字', 'character-device': '字符设备', 'block-device': '块设备', 'other': '其他' };

function problemText(p: WalkProblem, en: boolean): string {
  const why = {
    'missing': en ? 'no such file or folder' : '找不到文件或文件夹',
    'no-match': en ? 'no files match the pattern' : '没有文件与该模式匹配',
    'not-regular': en ? `not a regular file (${p.detail}): skipped` : `不是普通文件（${KINDS_ZH[p.detail ?? 'other'] ?? p.detail}），已跳过`,
    'unlistable': en ? `cannot list the folder (${p.detail}): the files in it were not checked` : `无法列出文件夹（${p.detail}），其中的文件未检查`,
    'link-loop': en ? 'symbolic link loop: skipped' : '符号链接循环，已跳过',
  }[p.why];
  return `nianbao: ${why}: ${shownPath(p.path)}\n`;
}

const HELP_AFTER = `
Formats (-f):
  text     compiler-style lines, path:line:col: severity rule message, then a summary (default)
  json     the JSON contract: files, their reports, cells and diagnostics, and a summary
  sarif    SARIF 2.1.0, for code-scanning dashboards
  github   GitHub Actions workflow commands: annotations on the changed lines

Exit status:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage error, or input that could not be read (a missing path, a folder that cannot be
     listed, a named file that is not a regular file, an unreadable file)

Rules (codes for --rule, severities error, warning, information, hint, off):
  ${RULES_DOCS}  (one page per rule; also docs/rules/ in the package)

Examples:
  nianbao check reports/
  nianbao check 'reports/**/*.txt' --ignore-pattern 'reports/old/**'
  nianbao check --format github --max-warnings 0 reports/
  cat report.txt | nianbao check - --stdin-filename report.txt
  nianbao check --fix-dry-run report.txt
  nianbao check --report-unused-disable-directives reports/
`;

/** The cache's entries by absolute path (none without `--cache`), and how to save them when the run is done. */
function openCache(on: boolean, location: string | undefined, job: RenderOptions & { configs: string[] }, en: boolean): { known: Map<string, CachedEntry>; save: (checked: string[]) => void } {
  if (!on) return { known: new Map(), save: () => {} };
  const file = cacheFile(location);
  const key = cacheKey({ lang: job.lang, rules: job.rules, quiet: job.quiet, unused: job.reportUnusedDisableDirectives ?? null, configs: job.configs });
  const known = loadCache(file, key);
  /** Saved with the files of this run and those of earlier runs that still exist (a deleted file's entry is dropped). */
  const save = (checked: string[]) => {
    const now = new Set(checked);
    for (const p of known.keys()) if (!now.has(p) && !existsSync(p)) known.delete(p);
    try { saveCache(file, key, known); } catch (e) { process.stderr.write(`nianbao: ${en ? 'cannot write the cache' : '无法写入缓存'} ${shownPath(file)}: ${(e as Error).message}\n`); }
  };
  return { known, save };
}

async function check(paths: string[], opts: CheckFlags): Promise<number> {
  const en = opts.lang === 'en';
  const usage = (m: string) => { process.stderr.write(`nianbao: ${m}\n`); return 2; };
  const stdin = paths.includes('-');
  if (stdin && paths.length > 1) return usage(en ? '"-" (standard input) cannot be combined with other paths' : '“-”（标准输入）不能与其他路径同用');
  if (stdin && opts.fix) return usage(en ? '--fix cannot write to standard input: use --fix-dry-run' : '--fix 无法写回标准输入，请用 --fix-dry-run');
  const fix = opts.fix ? 'write' : opts.fixDryRun ? 'dry-run' : 'off';
  let files: string[] = [];
  let problems: WalkProblem[] = [];
  if (!stdin) {
    ({ files, problems } = await collectFiles(paths, { ignorePatterns: opts.ignorePattern, gitignore: opts.gitignore }));
    for (const p of problems) process.stderr.write(problemText(p, en));
    // Each file's project configuration, read once per folder here (a broken one stops the run, as
    // ESLint does), so that the workers only look them up; its `ignore` patterns leave files out.
    try {
      files = files.filter(f => !isIgnored(configFor(f), f));
    } catch (e) {
      if (e instanceof ConfigError) return usage(`${en ? 'invalid configuration' : '配置文件有误'}: ${e.message}`);
      throw e;
    }
    if (!files.length) {
      process.stderr.write(`nianbao: ${en ? 'no report files to check (.txt .md .html .htm)' : '没有可检查的年报文件（.txt .md .html .htm）'}\n`);
      return 2;
    }
  }
  const out = opts.outputFile ? createWriteStream(opts.outputFile) : process.stdout;
  const bar = opts.progress && process.stderr.isTTY && files.length > 1
    ? new SingleBar({ format: `nianbao {bar} {value}/{total} {percentage}%`, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic)
    : null;
  bar?.start(files.length, 0);
  // The reader went away (`nianbao check … | head`): stop at once, quietly, as grep and ripgrep do.
  out.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`nianbao: ${en ? 'cannot write the output' : '无法写出结果'}${opts.outputFile ? ` ${shownPath(opts.outputFile)}` : ''}: ${e.code ?? e.message}\n`);
    process.exit(2);
  });
  const write = (s: string | Uint8Array) => new Promise<void>(resolve => { if (out.write(s)) resolve(); else out.once('drain', resolve); });
  const summary: Summary = { files: 0, reports: 0, errors: 0, warnings: 0 };
  const sarif: FileResult[] = [];
  let unreadable = false, fixed = 0, fixedFiles = 0;
  if (opts.format === 'json') await write('{"version":1,"files":[');
  const color = opts.format === 'text' && !opts.outputFile && !!process.stdout.isTTY && !process.env.NO_COLOR;
  // The cache: never with fixes (they change the files), nor for standard input.
  const cache = !!opts.cache && fix === 'off' && !stdin;
  // As ESLint: the bare flag reports them as errors; -severity chooses; either overrides the configuration file.
  const unused = opts.reportUnusedDisableDirectivesSeverity ?? (opts.reportUnusedDisableDirectives ? 'error' : undefined);
  const job: RenderOptions = { lang: opts.lang, format: opts.format, color, rules: opts.rule ?? {}, quiet: !!opts.quiet, fix, cache, ...(unused ? { reportUnusedDisableDirectives: unused } : {}) };
  const { known, save } = openCache(cache, opts.cacheLocation, { ...job, configs: cache ? configFingerprint(files.map(f => configFor(f))) : [] }, en);
  const absolute = files.map(f => path.resolve(f));
  let done = 0;
  const take = async (b: RenderedBatch) => {
    for (const e of b.entries) {
      addCounts(summary, e.counts);
      unreadable ||= e.counts.unreadable;
      if (e.fixed) { fixed += e.fixed; fixedFiles++; }
      if (e.result) sarif.push(e.result);
      if (e.cache) known.set(absolute[e.index], e.cache);
    }
    bar?.update((done += b.entries.length));
    if (b.bytes.length) await write(b.bytes);
  };
  if (stdin) {
    const name = opts.stdinFilename ?? '<stdin>';
    try { configFor(name); } catch (e) {
      if (e instanceof ConfigError) return usage(`${en ? 'invalid configuration' : '配置文件有误'}: ${e.message}`);
      throw e;
    }
    const entry = renderChecked(checkBytes(name, readFileSync(0), job), 0, job);
    await take({ entries: [{ index: 0, ...entry }], bytes: takeRendered() });
  } else {
    await checkAll(files.map((file, i) => ({ file, cached: known.get(absolute[i]) })), job, take, opts.jobs);
    save(absolute);
  }
  bar?.stop();
  // This year against last year, over the files checked (read again here: the workers see one file each).
  const across = opts.acrossYears && !stdin ? checkAcrossYears(files) : null;
  if (across) summary.warnings += across.findings.filter(f => f.finding.severity === 'warning').length;
  if (across && (opts.format === 'text' || opts.format === 'github')) await write(acrossText(across, opts.lang));
  if (opts.format === 'json') await write(`]${across ? `,"acrossYears":${JSON.stringify(acrossJson(across, opts.lang))}` : ''},"summary":${JSON.stringify(summary)}}\n`);
  else if (opts.format === 'sarif') await write(formatSarif(sarif, opts.lang, VERSION) + '\n');
  else if (opts.format === 'text') {
    if (fix !== 'off') {
      const verb = fix === 'write' ? (en ? 'fixed' : '已修正') : (en ? 'would fix' : '可修正');
      await write(en ? `${verb} ${fixed} cell${fixed === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n` : `${verb} ${fixed} 个单元格（${fixedFiles} 个文件）\n`);
    }
    await write(summaryText(summary, opts.lang));
  }
  if (out !== process.stdout) await new Promise<void>(resolve => out.end(resolve));
  const tooManyWarnings = opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`nianbao: ${en ? `${summary.warnings} warnings, more than --max-warnings ${opts.maxWarnings}` : `${summary.warnings} 个警告，超过 --max-warnings ${opts.maxWarnings}`}\n`);
  if (problems.some(p => p.fatal) || unreadable) return 2;
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command();
  program.name('nianbao').description('Checks government information-disclosure annual reports (政府信息公开工作年度报告).')
    .version(VERSION).exitOverride().configureOutput({ writeErr: s => process.stderr.write(s) });
  program.command('check').description('check report files, folders (.txt .md .html .htm .nianbao, recursively) or quoted globs; "-" reads standard input')
    .argument('<paths...>', 'files, folders, globs, or - for standard input')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, format, 'text')
    .option('-l, --lang <lang>', 'message language: zh-CN or en', lang, 'zh-CN' as Lang)
    .option('-o, --output-file <file>', 'write the output to a file instead of standard output')
    .option('--quiet', 'report errors only (warnings are neither shown nor counted)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', count(0, Number.MAX_SAFE_INTEGER))
    .option('--rule <rule:severity>', 'a rule\'s severity (error, warning, information, hint, off); repeatable', rule)
    .option('--ignore-pattern <pattern>', 'skip files and folders matching a .gitignore-style pattern, relative to the working folder; repeatable', collect)
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--stdin-filename <name>', 'the name of the file read from standard input (-)')
    .addOption(new Option('--fix', 'write the fixes of wrong totals into the files (digits only, atomically)').conflicts('fixDryRun'))
    .option('--fix-dry-run', 'report the fixes --fix would write, and the findings after them, without writing')
    .addOption(new Option('--report-unused-disable-directives', 'report inline disable comments that suppress nothing, as errors').conflicts('reportUnusedDisableDirectivesSeverity'))
    .option('--report-unused-disable-directives-severity <severity>', 'report them with this severity: off, warn or error', unusedSeverity)
    .option('--across-years', 'also check each report against the same body\'s report of the year before among the files (上年结转, copied text)')
    .option('--cache', 'check only files whose content changed since the last run with --cache (by content hash)')
    .option('--cache-location <path>', 'the cache file, or a folder for it (default: the user\'s cache folder)')
    .option('--no-progress', 'no progress bar')
    .option('-j, --jobs <n>', 'worker threads (default: one per core)', count(1, 1024))
    .addHelpText('after', HELP_AFTER)
    .action(async (paths: string[], opts) => { code = await check(paths, opts); });
  program.command('lsp').description('start the language server (for any LSP editor)')
    .option('--stdio', 'talk over stdin/stdout (the default)')
    .action(() => {
      // The server is bundled next to this file by esbuild.mjs; it talks over stdio unless started over IPC.
      const serverPath = require('node:path').join(__dirname, 'server.js');
      require(serverPath);
      code = -1;
    });
  program.addHelpText('after', `\nRun "nianbao check --help" for the formats, exit status and rules (${RULES_DOCS}).\n`);
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
