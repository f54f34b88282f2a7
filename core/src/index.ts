/**
 * Nianbao core: text → report model → findings. Pure: no editor, no LSP connection, no file system.
 */
export * from './model';
export { ReportDocument, type DocumentOptions, type PlacedReport, type ReportChunk, type TextSource } from './parse/document';
export { applyDirectives, directiveText, findDirectives, maskDirectives, type Directive, type DirectiveKind, type DirectiveOptions, type DirectiveScan, type UnusedDirectives } from './checks/directives';
export { parseReport } from './parse/report';
export { readValue } from './parse/values';
export { checkReport, notAReport } from './checks';
export { LineIndex, pushLineStarts } from './text/lineIndex';
export { upperBound } from './search';
export { REPORT_EXTENSIONS } from './files';
export { decodeBytes, type Decoded, type Utf8Decoder } from './text/decode';
export { cellName, rowName, tableName } from './template/names';
export { SECTIONS } from './template/sections';
export { evaluateAll, type Evaluated } from './checks/relations';
export { formulaOf } from './checks/formula';
export { RULES, type RuleInfo } from './rules';
export { diagnosticsJson, documentJson, documentJsonMembers, writeDocumentJsonMembers, type JsonSink, type CellJson, type ReportJson, type DiagnosticJson, type Lang } from './serialize';
export * from './languageFeatures';
export { BODY_TYPES, defaultReportYear, parseReportYear, reportYearBounds, skeleton2021, type BodyType } from './template/skeleton';
export { acrossYears, dice, COPY_THRESHOLD, type AcrossFinding, type YearReport } from './checks/acrossYears';
export { bodyOf } from './checks/body';
export { lastYearKey, yearKey, yearKeysOfText, yearReportsOf } from './checks/pairing';
