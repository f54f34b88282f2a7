;;; nianbao-eglot.el --- Nianbao reports in Emacs, checked by eglot  -*- lexical-binding: t -*-

;; The configuration docs/editors.md gives, as test/editors/emacs/eglot-test.el loads it.
;; Emacs 29+: eglot is built in.  Emacs 28: Debian's elpa-eglot (or eglot from GNU ELPA).
;; Set `nianbao-server-command' before loading this file to point at your checkout.

(require 'eglot)

(defvar nianbao-server-command
  '("node" "/path/to/nianbao/dist/cli.js" "lsp" "--stdio")
  "How to start the Nianbao language server.")

(define-derived-mode nianbao-mode text-mode "Nianbao"
  "Major mode for government information-disclosure annual reports (政府信息公开工作年度报告).")

(defun nianbao-report-p ()
  "Non-nil in a .txt, .md or .html file whose beginning reads like a report: a year and
政府信息公开 on one line (the title), or a line opening with 一、总体情况 (section one).
`set-auto-mode' calls this at the start of the buffer, narrowed to its first
`magic-mode-regexp-match-limit' characters."
  (and buffer-file-name
       (string-match-p "\\.\\(txt\\|md\\|html?\\)\\'" buffer-file-name)
       (re-search-forward
        "20[0-9][0-9][ \t]*年[^\n]\\{0,40\\}政府\\(信息\\|資訊\\)公[开開]\\|^[ \t　]*一[、.．][ \t]*\\(总体情况\\|總體情況\\)"
        nil t)))

;; Report files: the .nianbao extension, or any file whose beginning names the report.
(add-to-list 'auto-mode-alist '("\\.nianbao\\'" . nianbao-mode))
(add-to-list 'magic-mode-alist '(nianbao-report-p . nianbao-mode))

;; eglot starts the server for nianbao-mode buffers only (language id "nianbao").
(add-to-list 'eglot-server-programs `(nianbao-mode . ,nianbao-server-command))
(add-hook 'nianbao-mode-hook #'eglot-ensure)

(provide 'nianbao-eglot)
;;; nianbao-eglot.el ends here
