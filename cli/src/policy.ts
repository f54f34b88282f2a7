import { RULES, type Severity } from '../../core/src';

/** What the user asked of the findings: a severity per rule (`--rule code:severity`, `off` drops the rule) and `--quiet` (errors only). */
export interface Policy { rules: Record<string, Severity | 'off'>; quiet: boolean }

const SEVERITIES: readonly (Severity | 'off')[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Findings (or their JSON) under the policy: severities overridden, rules turned off and, quiet, everything but errors left out. */
export function applyPolicy<T extends { code: string; severity: Severity }>(list: T[], p: Policy): T[] {
  const out: T[] = [];
  for (const f of list) {
    const severity = p.rules[f.code] ?? f.severity;
    if (severity === 'off' || (p.quiet && severity !== 'error')) continue;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

/** `code:severity` (also `code=severity`; `info` for `information`) added to `rules`; throws a usage message when it is not one. */
export function parseRule(v: string, rules: Record<string, Severity | 'off'> = {}): Record<string, Severity | 'off'> {
  for (const part of v.split(',')) {
    const m = /^\s*([a-z-]+)\s*[:=]\s*([a-z]+)\s*$/.exec(part);
    const severity = m && (m[2] === 'info' ? 'information' : m[2]);
    if (!m || !RULES.some(r => r.code === m[1]) || !SEVERITIES.includes(severity as Severity)) {
      throw new Error(`expected <rule>:<severity>, rule one of ${RULES.map(r => r.code).join(', ')}, severity one of ${SEVERITIES.join(', ')}: ${JSON.stringify(part)}`);
    }
    rules[m[1]] = severity as Severity | 'off';
  }
  return rules;
}
