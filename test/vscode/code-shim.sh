#!/bin/sh
# Stand-in for the VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
# It takes the same arguments (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
# --extensions-dir=, --locale=, a folder) and runs the extension tests in code-server's Node
# extension host, driven by headless Debian chromium. See code-shim.mjs.
DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
exec "${NIANBAO_SHIM_NODE:-node}" "$DIR/code-shim.mjs" "$@"
