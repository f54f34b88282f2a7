;;; eglot-test.el --- Emacs + eglot against the Nianbao language server, headless  -*- lexical-binding: t -*-

;; emacs --batch -Q -l test/editors/emacs/eglot-test.el
;;
;; Loads the configuration of docs/editors.md (nianbao-eglot.el next to this file) with the server
;; of this checkout (node dist/cli.js lsp --stdio; build it first), then, as a user would:
;; opens a copy of seed 002 whose 予以公开·总计 reads 9 instead of 7, waits for flymake's
;; diagnostics, reads the eldoc hover at the cell, runs `eglot-code-actions' there and saves.
;; Prints `emacs-eglot: N passed, N failed'; exits non-zero when a test failed.
;; NIANBAO_EGLOT_WAIT: seconds to wait for the server's answers (default 60).

(require 'ert)
(require 'cl-lib)
(require 'subr-x)

(defconst nianbao-test-root
  (expand-file-name "../../.." (file-name-directory (or load-file-name buffer-file-name))))

(defconst nianbao-test-wait
  (string-to-number (or (getenv "NIANBAO_EGLOT_WAIT") "60")))

;; -Q skips site-lisp and package activation: find Debian's elpa-eglot (Emacs 28) the way a normal
;; start-up would. Emacs 29+ has eglot built in.
(unless (locate-library "eglot")
  (require 'package)
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
  (package-initialize))

(defvar nianbao-server-command)
(setq nianbao-server-command
      (list "node" (expand-file-name "dist/cli.js" nianbao-test-root) "lsp" "--stdio"))
(load (expand-file-name "nianbao-eglot.el" (file-name-directory (or load-file-name buffer-file-name))) nil t)

(setq eglot-sync-connect nianbao-test-wait
      eglot-connect-timeout nianbao-test-wait)

;;; The report under test

(defconst nianbao-test-seed
  (car (file-expand-wildcards (expand-file-name "test/fixtures/seeds/002_*.txt" nianbao-test-root))))

;; Seed 002's 予以公开·总计 is on line 168, alone, from column 0 (the row's seventh figure).
(defconst nianbao-test-line 168)
(defconst nianbao-test-right "7")
(defconst nianbao-test-wrong "9")

(defconst nianbao-test-dir (make-temp-file "nianbao-eglot-" t))

(defun nianbao-test-read (file)
  (with-temp-buffer
    (let ((coding-system-for-read 'utf-8-unix)) (insert-file-contents file))
    (buffer-string)))

(defun nianbao-test-write (name text)
  "Write TEXT to NAME in the test folder; return the file name."
  (let ((file (expand-file-name name nianbao-test-dir))
        (coding-system-for-write 'utf-8-unix))
    (with-temp-file file (insert text))
    file))

(defun nianbao-test-broken-text ()
  "Seed 002 with the one total changed from 7 to 9 (nothing else differs)."
  (with-temp-buffer
    (insert (nianbao-test-read nianbao-test-seed))
    (goto-char (point-min))
    (forward-line (1- nianbao-test-line))
    (unless (looking-at (concat (regexp-quote nianbao-test-right) "$"))
      (error "seed 002 line %d: expected %S, found %S" nianbao-test-line nianbao-test-right
             (buffer-substring (line-beginning-position) (line-end-position))))
    (replace-match nianbao-test-wrong t t)
    (buffer-string)))

;;; Driving Emacs as its command loop would

(defun nianbao-test-wait-for (what pred)
  "Let timers and the server's output run until PRED is non-nil; fail naming WHAT."
  (let ((deadline (+ (float-time) nianbao-test-wait)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (or value (ert-fail (format "timed out after %s s waiting for %s" nianbao-test-wait what)))))

(defun nianbao-test-open (file)
  "Visit FILE as `find-file' does and run the hooks that follow a command (eglot-ensure connects there)."
  (let ((buf (find-file file)))
    (with-current-buffer buf (run-hooks 'post-command-hook))
    buf))

(defun nianbao-test-lsp-diag (d)
  (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))

(defun nianbao-test-sum-errors ()
  "Flymake's error diagnostics of the current buffer whose LSP code is row-sum or column-sum."
  (cl-remove-if-not
   (lambda (d)
     (and (eq (flymake-diagnostic-type d) 'eglot-error)
          (member (plist-get (nianbao-test-lsp-diag d) :code) '("row-sum" "column-sum"))))
   (flymake-diagnostics)))

(defun nianbao-test-wait-diagnostics ()
  "The managed buffer's flymake diagnostics once a sum error is among them."
  (nianbao-test-wait-for "eglot to manage the buffer" (lambda () (bound-and-true-p eglot--managed-mode)))
  (nianbao-test-wait-for
   "a row-sum error from flymake"
   (lambda ()
     (or (nianbao-test-sum-errors)
         ;; flymake runs its backends after a command or on an idle timer: start it as those would
         (progn (flymake-start) nil)))))

(defun nianbao-test-open-broken (name)
  (let ((buf (nianbao-test-open (nianbao-test-write name (nianbao-test-broken-text)))))
    (switch-to-buffer buf)
    (nianbao-test-wait-diagnostics)
    buf))

(defun nianbao-test-cell-error ()
  (car (nianbao-test-sum-errors)))

;;; Tests

(defun nianbao-test-mode-of (file)
  "The major mode `set-auto-mode' picks for FILE (mode hooks delayed: eglot is not started)."
  (with-temp-buffer
    (insert-file-contents file)
    (setq buffer-file-name file)
    (delay-mode-hooks (set-auto-mode))
    (prog1 major-mode (setq buffer-file-name nil))))

(defun nianbao-test-files (&rest globs)
  (apply #'append (mapcar (lambda (g) (file-expand-wildcards (expand-file-name g nianbao-test-root))) globs)))

(ert-deftest nianbao-eglot-01-report-files-only ()
  "Every report in test/fixtures opens in nianbao-mode; the repository's own Markdown pages and
source files, which name the report without being one, do not."
  (let* ((reports (nianbao-test-files "test/fixtures/seeds/*.txt" "test/fixtures/real/*.txt"
                                     "test/fixtures/real2/*.txt" "test/fixtures/html/*.html"
                                     "test/fixtures/conventions/*.md"
                                     "test/fixtures/encodings/001-*.txt" "test/fixtures/encodings/003-*.txt"))
        (others (cl-set-difference
                 (nianbao-test-files "*.md" "docs/*.md" "test/fixtures/*.md" "test/fixtures/*/*.md"
                                     "core/src/*.ts" "test/editors/emacs/*.el")
                 reports :test #'equal)))
    (should (> (length reports) 40))
    (should (> (length others) 15))
    (should (equal (cl-remove-if (lambda (f) (eq (nianbao-test-mode-of f) 'nianbao-mode)) reports) nil))
    (should (equal (cl-remove-if-not (lambda (f) (eq (nianbao-test-mode-of f) 'nianbao-mode)) others) nil))
    ;; GB 18030 is not guessed under -Q's UTF-8 defaults: once Emacs reads it as such (language
    ;; environment Chinese-GB18030, or `prefer-coding-system'), it is a report like the others.
    (let ((coding-system-for-read 'gb18030))
      (should (eq (nianbao-test-mode-of (car (nianbao-test-files "test/fixtures/encodings/000-gb18030.txt")))
                  'nianbao-mode)))))

(ert-deftest nianbao-eglot-02-eglot-manages-reports-only ()
  "A report named .txt opens in nianbao-mode under eglot (language id nianbao); a .nianbao file is
in nianbao-mode too; a plain .txt note and a .md page stay in their modes, without eglot."
  (let ((report (nianbao-test-open (nianbao-test-write "report.txt" (nianbao-test-read nianbao-test-seed))))
        (ext (nianbao-test-open (nianbao-test-write "empty.nianbao" "")))
        (note (nianbao-test-open (nianbao-test-write "notes.txt" "会议纪要：本周讨论排期。\n总计 3 项。\n")))
        (md (nianbao-test-open (nianbao-test-write "README.md" (nianbao-test-read (expand-file-name "README.md" nianbao-test-root))))))
    (with-current-buffer report
      (should (eq major-mode 'nianbao-mode))
      (nianbao-test-wait-for "eglot to manage report.txt" (lambda () (bound-and-true-p eglot--managed-mode)))
      (should (equal (eglot--language-id (eglot-current-server)) "nianbao")))
    (with-current-buffer ext (should (eq major-mode 'nianbao-mode)))
    (dolist (b (list note md))
      (with-current-buffer b
        (should-not (eq major-mode 'nianbao-mode))
        (should-not (bound-and-true-p eglot--managed-mode))
        (should-not (eglot-current-server))))
    (mapc #'kill-buffer (list report ext note md))))

(ert-deftest nianbao-eglot-03-diagnostic-position-and-code ()
  "The broken total gets one row-sum error exactly on its cell: line 168, columns 0-1."
  (let ((buf (nianbao-test-open-broken "diagnostic-002.txt")))
    (let* ((errs (nianbao-test-sum-errors))
           (d (car errs))
           (lsp (nianbao-test-lsp-diag d))
           (range (plist-get lsp :range)))
      (message "  diagnostic: %s" (flymake-diagnostic-text d))
      (should (= (length errs) 1))
      (should (equal (plist-get lsp :code) "row-sum"))
      (should (equal (plist-get lsp :severity) 1))
      (should (equal (plist-get range :start) (list :line (1- nianbao-test-line) :character 0)))
      (should (equal (plist-get range :end) (list :line (1- nianbao-test-line) :character 1)))
      ;; what flymake underlines in the buffer
      (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
        (should (equal (buffer-substring-no-properties beg end) nianbao-test-wrong))
        (should (= (line-number-at-pos beg) nianbao-test-line))
        (should (= (save-excursion (goto-char beg) (current-column)) 0)))
      (should (string-match-p "予以公开" (flymake-diagnostic-text d)))
      (should (string-match-p (format "应为 %s，表中为 %s" nianbao-test-right nianbao-test-wrong)
                              (flymake-diagnostic-text d))))
    (kill-buffer buf)))

(ert-deftest nianbao-eglot-04-hover-shows-the-computed-total ()
  "eldoc's hover at the cell (eglot-hover-eldoc-function) names the cell and the total 7."
  (let ((buf (nianbao-test-open-broken "hover-002.txt")) text)
    (goto-char (flymake-diagnostic-beg (nianbao-test-cell-error)))
    (should (eglot-hover-eldoc-function (lambda (info &rest _) (setq text (or info "")))))
    (nianbao-test-wait-for "the hover" (lambda () text))
    (message "  hover: %s" (replace-regexp-in-string "[ \t\n]+" " " (substring text 0 (min 200 (length text)))))
    (should (string-match-p "总计" text))
    (should (string-match-p (format "=[ \t]*%s\\([^0-9.]\\|\\'\\)" nianbao-test-right) text))
    (kill-buffer buf)))

(ert-deftest nianbao-eglot-05-quick-fix-corrects-the-file ()
  "`eglot-code-actions' at the cell, the preferred quick fix chosen: the buffer and the saved file
equal seed 002 again and the error is gone."
  (let ((buf (nianbao-test-open-broken "quickfix-002.txt"))
        (original (nianbao-test-read nianbao-test-seed))
        offered)
    (let ((beg (flymake-diagnostic-beg (nianbao-test-cell-error))))
      (goto-char beg)
      ;; Called from the keyboard (not a mouse menu), eglot asks with `completing-read': answer
      ;; as RET does, with the default it offers (the preferred action).
      (cl-letf ((last-nonmenu-event ?\r)
                ((symbol-function 'completing-read)
                 (lambda (_prompt collection &optional _pred _req _init _hist def &rest _)
                   (setq offered (mapcar #'car collection))
                   def)))
        (eglot-code-actions beg (1+ beg) nil t)))
    (message "  code actions offered: %S" offered)
    (should offered)
    (should (equal (buffer-substring-no-properties
                    (save-excursion (goto-char (point-min)) (forward-line (1- nianbao-test-line)) (point))
                    (save-excursion (goto-char (point-min)) (forward-line (1- nianbao-test-line)) (line-end-position)))
                   nianbao-test-right))
    (should (equal (buffer-substring-no-properties (point-min) (point-max)) original))
    (save-buffer)
    ;; Seed 002 has no final newline; text-mode (hence nianbao-mode) saves with one
    ;; (`require-final-newline' from `mode-require-final-newline'). Nothing else differs.
    (should (equal (nianbao-test-read buffer-file-name) (concat original "\n")))
    (nianbao-test-wait-for "the row-sum error to clear"
                           (lambda () (or (null (nianbao-test-sum-errors)) (progn (flymake-start) nil))))
    (kill-buffer buf)))

;; Not a client test, but it keeps the page true: docs/editors.md shows the configuration loaded above.
(ert-deftest nianbao-eglot-06-docs-show-this-configuration ()
  (let* ((file (nianbao-test-read (expand-file-name "test/editors/emacs/nianbao-eglot.el" nianbao-test-root)))
         (config (substring file (string-match-p "^(require 'eglot)" file)
                            (+ (string-match-p "^(add-hook 'nianbao-mode-hook #'eglot-ensure)$" file)
                               (length "(add-hook 'nianbao-mode-hook #'eglot-ensure)")))))
    (should (> (length config) 500))
    (should (string-search config (nianbao-test-read (expand-file-name "docs/editors.md" nianbao-test-root))))))

;;; Run

(let* ((stats (ert-run-tests-batch "^nianbao-eglot-"))
       (passed (ert-stats-completed-expected stats))
       (failed (+ (ert-stats-completed-unexpected stats)
                  (- (ert-stats-total stats) (ert-stats-completed stats)))))
  (ignore-errors (eglot-shutdown-all))
  (delete-directory nianbao-test-dir t)
  (princ (format "emacs-eglot: %d passed, %d failed\n" passed failed))
  (kill-emacs (if (and (zerop failed) (> passed 0)) 0 1)))

;;; eglot-test.el ends here
