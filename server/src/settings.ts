import type { Connection } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import type { DocumentOptions, Finding, RuleCode, Severity, UnusedDirectives } from '../../core/src';
import { ConfigError, configFor, unusedDirectivesOf, type ProjectConfig } from '../../config/projectConfig';
import { useMessageLanguage } from './l10n';

export interface Settings {
  severity: Partial<Record<RuleCode, Severity | 'off'>>;
  inlayHints: { enabled: boolean; allTotals: boolean };
  template: 'auto' | '2021' | '2019';
  /** In bytes (the setting is in MB). */
  maxFileSize: number;
  /** Language of the messages: `auto` follows the editor's display language. */
  messageLanguage: 'auto' | 'zh-CN' | 'en';
  /**
   * Inline disable comments that suppress nothing (`nianbao.reportUnusedDisableDirectives`, as
   * ESLint's: `off`, `warn`, `error`), in the core's words: reported as `unused-directive` at this severity.
   */
  reportUnusedDisableDirectives: UnusedDirectives;
}

export const DEFAULTS: Settings = { severity: {}, inlayHints: { enabled: true, allTotals: false }, template: 'auto', maxFileSize: 20 * 1024 * 1024, messageLanguage: 'auto', reportUnusedDisableDirectives: 'off' };

/**
 * Settings under `nianbao.*`: asked of the client when it supports `workspace/configuration`, else
 * taken from what it sends — its `initializationOptions` and each `workspace/didChangeConfiguration`
 * payload (`{ nianbao: {…} }`, or the `nianbao` object itself).
 */
export class SettingsStore {
  current: Settings = DEFAULTS;
  constructor(private readonly connection: Connection, private readonly supported: () => boolean) {}

  /** Settings the client sent (ignored from a client that is asked for them instead). */
  take(payload: unknown): void {
    if (this.supported() || !payload || typeof payload !== 'object') return;
    const o = payload as { nianbao?: unknown };
    this.current = merge(o.nianbao !== undefined ? o.nianbao : o);
  }

  async refresh(): Promise<Settings> {
    if (!this.supported()) return this.current;
    try {
      const s = await this.connection.workspace.getConfiguration('nianbao');
      this.current = merge(s);
      useMessageLanguage(this.current.messageLanguage);
    } catch { /* keep the last good settings */ }
    return this.current;
  }
}

function merge(s: unknown): Settings {
  const o = (s && typeof s === 'object' ? s : {}) as Partial<Settings>;
  return {
    severity: o.severity && typeof o.severity === 'object' ? o.severity : {},
    inlayHints: { ...DEFAULTS.inlayHints, ...(o.inlayHints ?? {}) },
    template: o.template === '2019' || o.template === '2021' ? o.template : 'auto',
    maxFileSize: typeof o.maxFileSize === 'number' && o.maxFileSize > 0 ? Math.round(o.maxFileSize * 1024 * 1024) : DEFAULTS.maxFileSize,
    messageLanguage: o.messageLanguage === 'zh-CN' || o.messageLanguage === 'en' ? o.messageLanguage : 'auto',
    reportUnusedDisableDirectives: unusedDirectivesOf((o as { reportUnusedDisableDirectives?: unknown }).reportUnusedDisableDirectives) ?? 'off',
  };
}

/** How a document is read and checked under these settings (the core's options); `off` and `auto` are the core's defaults, left out. */
export function documentOptions(s: Settings): DocumentOptions {
  return {
    ...(s.template !== 'auto' ? { template: s.template } : {}),
    ...(s.reportUnusedDisableDirectives !== 'off' ? { reportUnusedDisableDirectives: s.reportUnusedDisableDirectives } : {}),
  };
}

/** A finding's severity under the user's per-rule settings (`off`: not shown). */
export const severityOf = (settings: Settings, f: Pick<Finding, 'code' | 'severity'>): Severity | 'off' => settings.severity[f.code] ?? f.severity;

/**
 * The settings for one document: the project configuration of its folder (`.nianbaorc.json`…,
 * config/projectConfig.ts) under the editor's settings, which win wherever they say something — a
 * rule's severity set in `nianbao.severity`, a template other than `auto`, unused directives
 * reported (`warn` or `error`; the default `off` leaves the project's choice). Made once per pair, so
 * a document's settings keep their identity (the diagnostics cache compares it).
 */
const MERGED = new WeakMap<Settings, WeakMap<ProjectConfig, Settings>>();
export function settingsFor(settings: Settings, uri: string, onError: (message: string) => void = () => {}): Settings {
  if (!uri.startsWith('file:')) return settings;
  let config: ProjectConfig;
  try {
    config = configFor(fileURLToPath(uri));
  } catch (e) {
    if (e instanceof ConfigError) { onError(e.message); return settings; }
    throw e;
  }
  if (!config.file) return settings;
  let byConfig = MERGED.get(settings);
  if (!byConfig) MERGED.set(settings, (byConfig = new WeakMap()));
  let merged = byConfig.get(config);
  if (!merged) {
    merged = {
      ...settings,
      severity: { ...config.rules, ...settings.severity },
      template: settings.template !== 'auto' ? settings.template : config.template ?? 'auto',
      reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives !== 'off' ? settings.reportUnusedDisableDirectives : config.reportUnusedDisableDirectives ?? 'off',
    };
    byConfig.set(config, merged);
  }
  return merged;
}
