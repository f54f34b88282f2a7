import { lilconfigSync, type LilconfigResult } from 'lilconfig';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { RULES, type RuleCode, type Severity, type TemplateId, type UnusedDirectives } from '../core/src';

/**
 * The project configuration the CLI, the server and the extension share: `.nianbaorc.json` (or
 * `.nianbaorc`, or a `nianbao` member in package.json), looked up from a file's folder upwards
 * (lilconfig). Node-side: it reads files, so it is not part of the pure core.
 *
 * ```json
 * { "rules": { "blank-cell": "off", "row-sum": "warning" }, "template": "2021", "ignore": ["archive/**"],
 *   "reportUnusedDisableDirectives": "warn" }
 * ```
 *
 * Precedence, lowest first: the rule's default, this file, then the user's own choice — the CLI's
 * `--rule` and `--report-unused-disable-directives[-severity]`, VS Code's `nianbao.severity`, `nianbao.template`
 * and `nianbao.reportUnusedDisableDirectives` (docs/configuration.md).
 */
export interface ProjectConfig {
  /** The file it came from, or null when none was found. */
  file: string | null;
  rules: Partial<Record<RuleCode, Severity | 'off'>>;
  template?: TemplateId;
  /** `.gitignore`-style patterns, relative to the config file's folder. */
  ignore: string[];
  /** How inline disable comments that suppress nothing are reported (absent: not at all). */
  reportUnusedDisableDirectives?: UnusedDirectives;
}

export const NO_CONFIG: ProjectConfig = Object.freeze({ file: null, rules: {}, ignore: [] }) as ProjectConfig;

/** A configuration file that cannot be used: the message names the file and what is wrong. */
export class ConfigError extends Error {}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * `reportUnusedDisableDirectives` as ESLint spells it — "off", "warn", "error" (and "warning"),
 * true for "warn", false for "off" — or undefined when it is none of these. The CLI's
 * `--report-unused-disable-directives-severity` and the editor setting take the same words.
 */
export function unusedDirectivesOf(v: unknown): UnusedDirectives | undefined {
  if (v === true || v === 'warn' || v === 'warning') return 'warning';
  if (v === false || v === 'off') return 'off';
  if (v === 'error') return 'error';
  return undefined;
}
const CODES = new Set<string>(RULES.map(r => r.code));

const json = (_file: string, content: string) => JSON.parse(content);
const explorer = lilconfigSync('nianbao', {
  searchPlaces: ['.nianbaorc.json', '.nianbaorc', 'package.json'],
  loaders: { '.json': json, noExt: json },
  // A search goes up to the file system's root (a report folder need not be under the home folder).
  stopDir: path.parse(process.cwd()).root,
});

/** Checks a configuration's content and gives it its type; throws ConfigError saying what is wrong. */
export function parseConfig(raw: unknown, file: string): ProjectConfig {
  const bad = (what: string) => new ConfigError(`${file}: ${what}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('expected an object ({ "rules": …, "template": …, "ignore": … })');
  const o = raw as Record<string, unknown>;
  const options = ['rules', 'template', 'ignore', 'reportUnusedDisableDirectives'];
  for (const k of Object.keys(o)) if (k !== '$schema' && !options.includes(k)) throw bad(`unknown option "${k}" (options: ${options.join(', ')})`);
  const rules: ProjectConfig['rules'] = {};
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object' || Array.isArray(o.rules)) throw bad('"rules" must be an object of rule code → severity');
    for (const [code, sev] of Object.entries(o.rules as Record<string, unknown>)) {
      if (!CODES.has(code)) throw bad(`unknown rule "${code}" (rules: ${[...CODES].join(', ')})`);
      if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) throw bad(`rule "${code}": severity must be one of ${SEVERITIES.join(', ')}`);
      rules[code as RuleCode] = sev as Severity | 'off';
    }
  }
  if (o.template !== undefined && o.template !== '2021' && o.template !== '2019' && o.template !== 'auto') throw bad('"template" must be "2021", "2019" or "auto"');
  if (o.ignore !== undefined && (!Array.isArray(o.ignore) || o.ignore.some(p => typeof p !== 'string'))) throw bad('"ignore" must be an array of patterns');
  const unused = unusedDirectivesOf(o.reportUnusedDisableDirectives);
  if (o.reportUnusedDisableDirectives !== undefined && !unused) throw bad('"reportUnusedDisableDirectives" must be "off", "warn", "error" or a boolean');
  const template = o.template === '2021' || o.template === '2019' ? o.template : undefined;
  return { file, rules, template, ignore: (o.ignore as string[] | undefined) ?? [], ...(unused ? { reportUnusedDisableDirectives: unused } : {}) };
}

/** Configurations by folder (a run reads each folder's once). */
const byFolder = new Map<string, ProjectConfig>();

/** The configuration that applies to the file at `filePath` (found from its folder upwards); throws ConfigError for a broken one. */
export function configFor(filePath: string): ProjectConfig {
  const dir = path.dirname(path.resolve(filePath));
  let c = byFolder.get(dir);
  if (!c) {
    let found: LilconfigResult;
    try {
      found = explorer.search(dir);
    } catch (e) {
      throw new ConfigError(e instanceof Error ? e.message : String(e));
    }
    c = found && !found.isEmpty ? parseConfig(found.config, found.filepath) : NO_CONFIG;
    byFolder.set(dir, c);
  }
  return c;
}

/** Forgets what was read (a configuration file changed: the server calls it). */
export function clearConfigCache(): void {
  byFolder.clear();
  explorer.clearCaches();
}

const matchers = new WeakMap<ProjectConfig, Ignore>();
/** Whether the configuration's `ignore` patterns leave out the file at `filePath`. */
export function isIgnored(config: ProjectConfig, filePath: string): boolean {
  if (!config.file || !config.ignore.length) return false;
  const rel = path.relative(path.dirname(config.file), path.resolve(filePath)).split(path.sep).join('/');
  if (!rel || rel.startsWith('..')) return false;
  let m = matchers.get(config);
  if (!m) matchers.set(config, (m = ignore().add(config.ignore)));
  return m.ignores(rel);
}

/** The contents of the configuration files, for a cache key (a changed configuration invalidates the cache). */
export function configFingerprint(configs: Iterable<ProjectConfig>): string[] {
  const files = new Set<string>();
  for (const c of configs) if (c.file) files.add(c.file);
  return [...files].sort().map(f => `${f}\n${readFileSync(f, 'utf8')}`);
}
