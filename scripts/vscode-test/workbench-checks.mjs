// Checks made from the browser side while the extension host waits: what the user would see.
// They complement the in-host mocha suite (which cannot look at the rendered workbench).

const PALETTE_TIMEOUT_MS = 15_000;

/** The CauseLens container is open in the side bar and its tree shows the incident the extension holds. */
async function checkRankedCausesVisible(page, expected) {
  if (!expected.incidentTitle) throw new Error('the suite left no incident in the Ranked Causes view');
  const sidebar = page.locator('.part.sidebar');
  await sidebar.locator('.composite.title').filter({ hasText: /causelens/i }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await sidebar.locator('.monaco-list-row').filter({ hasText: expected.incidentTitle }).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Opens the command palette, looks for the contributed command, closes it. */
async function findInCommandPalette(page, commandTitle, timeout) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${commandTitle}`);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: commandTitle }).first().waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Escape');
}

/** The first palette interaction after a cold start can time out: retry once before failing. */
async function checkCommandInPalette(page, commandTitle, log) {
  try {
    await findInCommandPalette(page, commandTitle, PALETTE_TIMEOUT_MS);
  } catch (error) {
    log(`[harness] command palette did not answer (${error.message.split('\n')[0]}); retrying once`);
    await page.keyboard.press('Escape').catch(() => {});
    await findInCommandPalette(page, commandTitle, PALETTE_TIMEOUT_MS);
  }
}

/**
 * Runs every check, taking the screenshot after the view check (before the palette opens).
 * Returns [{ title, error? }] in the order run.
 */
export async function runWorkbenchChecks(page, expected, { screenshot, log }) {
  const results = [];
  const check = async (title, body) => {
    try {
      await body();
      results.push({ title });
    } catch (error) {
      results.push({ title, error: error.message.split('\n')[0] });
    }
  };
  await check('the CauseLens side bar shows the investigated incident', () => checkRankedCausesVisible(page, expected));
  await screenshot();
  await check('the command palette lists "CauseLens: Investigate Incident…"', () =>
    checkCommandInPalette(page, 'CauseLens: Investigate Incident', log),
  );
  return results;
}
