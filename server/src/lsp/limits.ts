// The editor's limits: past LARGE_FILE_CHARS a document gets syntax checking only and a notice on line 1 that says
// so (core/limits.ts), so a 20 MB paste neither freezes the server nor goes silently unchecked.
import type { AnalyzeContext } from '../core/analyze';
import { LARGE_FILE_CHARS } from '../core/limits';

export const EDITOR_ANALYSIS: AnalyzeContext = { syntaxOnlyAbove: LARGE_FILE_CHARS };

/**
 * Up to this many characters the lightbulb's "Fix all" carries its edit, computed with the list; past it, the action
 * runs the v6ready.fixAll command when chosen: VS Code asks for code actions at every cursor move, and a fix-all of a
 * large file is several full analyses. (Asked for by kind, as on save, the edit is always computed.)
 */
export const EAGER_FIX_ALL_MAX_CHARS = 256 * 1024;

/**
 * Past this many characters an open document does not keep its full analysis once its diagnostics are out (a 2 MB
 * named.conf's is ~100 MB): hover, completion and quick fixes use the analysis of the statement at the cursor
 * (core/incremental.ts analysisAt); a whole-file request (outline, references) analyses it again when asked.
 */
export const LARGE_DOCUMENT_CHARS = 512 * 1024;

/** How long the editor must be quiet before the server collects a dropped large model (lsp/idle-collector.ts). */
export const COLLECT_WHEN_IDLE_MS = 2000;

/**
 * How long after that collection one more runs, in which V8 finds the allocation rate low and shrinks its young
 * generation (lsp/idle-collector.ts). Measured: a collection 6 s after an analysis left it at 2 x 16 MB; one 8 s
 * after, or later, shrank it to 2 x 1 MB.
 */
export const SHRINK_WHEN_IDLE_MS = 8000;
