// The cross-file rules, one file each (a test keeps this list equal to the files beside it).
import type { WorkspaceRule } from '../rule';
import aaaaWithoutListener from './aaaa-without-listener';
import nameWithoutAaaa from './name-without-aaaa';
import nsUnreachableV6 from './ns-unreachable-v6';

export const WORKSPACE_RULES: readonly WorkspaceRule[] = [aaaaWithoutListener, nameWithoutAaaa, nsUnreachableV6];

/** The cross-file rule family as the rule registry lists it (rule ids `workspace/<name>`). */
export const WORKSPACE_FAMILY = { name: 'workspace', title: 'Workspace (cross-file)' } as const;
