// The editor's limits: past LARGE_FILE_CHARS a document gets syntax checking only and a notice on line 1 that says
// so (core/limits.ts), so a 20 MB paste neither freezes the server nor goes silently unchecked.
import type { AnalyzeContext } from '../core/analyze';
import { LARGE_FILE_CHARS } from '../core/limits';

export const EDITOR_ANALYSIS: AnalyzeContext = { syntaxOnlyAbove: LARGE_FILE_CHARS };
