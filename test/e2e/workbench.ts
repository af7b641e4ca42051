// What a person does in the VS Code web workbench, as Playwright steps: open a file, go to a position, hover,
// Ctrl+., read the editor's text, read the Problems panel. Selectors are those of VS Code 1.100 (code-server 4.100.3).
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The active editor (the one in the active editor group). */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Quick Open (Ctrl+P) a workspace-relative path, wait until its editor is the active one. */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const base = relPath.split('/').pop()!;
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(relPath);
  const dir = relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/')) : '';
  // A row shows the file name as label and its folder as description.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).filter({ hasText: dir }).first();
  await row.waitFor({ timeout: 30_000 });
  // The list may still re-sort while results stream in: wait for the focused (first) row to be the file.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: base }).filter({ hasText: dir }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: 30_000 });
  await activeEditor(page).locator('.view-lines').waitFor();
}

export async function closeAllEditors(page: Page): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
}

/** Focus the active editor's text (a click on its text area would move the cursor; the textarea does not). */
export async function focusEditor(page: Page): Promise<void> {
  await activeEditor(page).locator('textarea.inputarea, .native-edit-context').first().focus();
}

/** Ctrl+G `line:column` (1-based): the cursor lands there. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // The status bar counts columns visually (a tab is tabSize wide), so only the line is compared.
  const status = page.locator('#status\\.editor\\.selection');
  await status.filter({ hasText: `Ln ${line},` }).waitFor({ timeout: 10_000 });
}

/** Moves the mouse onto the character right of the cursor, so the editor shows its hover. */
export async function hoverAtCursor(page: Page): Promise<void> {
  const cursor = await activeEditor(page).locator('.cursors-layer .cursor').first().boundingBox();
  if (!cursor) throw new Error('no cursor in the editor');
  await page.mouse.move(2, 2);
  await sleep(200);
  await page.mouse.move(cursor.x + 4, cursor.y + cursor.height / 2, { steps: 4 });
}

/** The visible hover widget that contains `text`. */
export function hoverWidget(page: Page, text: string): Locator {
  return page.locator('.monaco-hover:not(.hidden)', { hasText: text }).first();
}

export async function dismissHover(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/**
 * The active editor's whole text, exactly (tabs and all): select all, copy, read the clipboard. The rendered
 * `.view-lines` would only give the visible lines, with tabs turned into spaces.
 */
export async function editorText(page: Page): Promise<string> {
  await focusEditor(page);
  await page.evaluate(() => navigator.clipboard.writeText('\u0000'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  let text = '\u0000';
  for (let i = 0; i < 50 && text === '\u0000'; i++) {
    await sleep(100);
    text = await page.evaluate(() => navigator.clipboard.readText());
  }
  await page.keyboard.press('Control+Home');
  return text;
}

/** Open the Problems panel (View: Show Problems, Ctrl+Shift+M) unless it is already visible. */
export async function showProblems(page: Page): Promise<void> {
  if (await page.locator('.markers-panel').isVisible().catch(() => false)) return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

/** Problems panel rows whose text mentions `text` (message, source and code, position). */
export function problemRows(page: Page, text: string): Locator {
  return page.locator('.markers-panel .monaco-list-row', { hasText: text });
}

/** Severity of a Problems row, from its icon's class (`marker-icon error`): error, warning, info. */
export async function rowSeverity(row: Locator): Promise<string> {
  const cls = (await row.locator('.marker-icon').first().getAttribute('class').catch(() => '')) ?? '';
  const m = /(?:^|\s)(error|warning|info)(?:\s|$)/.exec(cls);
  return m ? m[1] : `unknown (${cls})`;
}

/** Run a command from the Command Palette (Ctrl+Shift+P) by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Change the user settings as a person does: Preferences: Open User Settings (JSON), replace the text (paste),
 * save, close. The workbench then tells the extension, which tells the language server. `file` is the
 * settings.json on disk: the save is complete when it holds the new text.
 */
export async function editUserSettings(page: Page, file: string, settings: Record<string, unknown>): Promise<void> {
  const text = JSON.stringify(settings, null, 2) + '\n';
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  const tab = page.locator('.tabs-container .tab.active', { hasText: 'settings.json' });
  await tab.waitFor({ timeout: 15_000 });
  await focusEditor(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  // The paste reads the clipboard asynchronously: save only once it has landed (the editor is dirty).
  await page.locator('.tabs-container .tab.active.dirty', { hasText: 'settings.json' }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Control+S');
  for (let i = 0; readFileSync(file, 'utf8') !== text; i++) {
    if (i > 100) throw new Error(`settings.json was not saved: ${readFileSync(file, 'utf8')}`);
    await sleep(100);
  }
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  await page.keyboard.press('Control+W');
  await page.locator('.tabs-container .tab', { hasText: 'settings.json' }).waitFor({ state: 'detached', timeout: 10_000 });
}
