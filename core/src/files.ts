/** File extensions a folder check reads as reports (the CLI and the workspace check). */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.html', '.htm', '.nianbao']);
