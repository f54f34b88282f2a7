/** The language features, each computed on a parsed document in offsets; the server maps them to LSP. */
export { hover, type HoverResult } from './hover';
export { allFindings, applyEdits, fixEdit, fixAllEdits, type OffsetEdit, type PlacedFinding } from './fixes';
export { documentSymbols, foldingRegions, type OffsetSymbol } from './symbols';
export { inlayHints, type OffsetHint } from './inlayHints';
export { cellAt } from './cellAt';
export { tableViewBody, tableViewPage, type TableViewPage, type ViewLang } from './tableView';
export { formatTable, formatTableAt, tableRegion, type FormatResult } from './formatTable';
export { upgradeTo2021, upgradeTo2021At, tableLayout, type TableLayout, type UpgradeResult } from './upgradeTemplate';
export { disableRuleEdits, type DisableScope, type FileSyntax } from './disableRule';
