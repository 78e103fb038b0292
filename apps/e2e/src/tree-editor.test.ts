import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

const TREE_NAME = 'Q4 outbound plan';

/** The node card on the canvas whose label is `label`. */
const nodeCard = (page: Page, label: string) =>
  page.locator('.react-flow__node').filter({
    has: page.locator('.metric-node__label', { hasText: new RegExp(`^${label}$`) }),
  });

/** Drags with the mouse from the centre of one box to the centre of another point. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

async function centreOf(selector: Locator) {
  const box = await selector.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const saveState = (page: Page) => page.getByTestId('save-state').textContent();

/**
 * The test's own HTTP calls beside the browser. A pooled keep-alive socket the server has
 * just closed answers ECONNRESET; that call is sent once more on a fresh connection.
 * (Seen since the page holds an event stream open; the cause is not yet understood.)
 */
async function apiFetch(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

describe('a revenue lead builds a tree', () => {
  const app = appInChromium('editor');
  let treeId = '';

  it('creates a tree from the activity template, adds and links a node, names its owner, saves, and finds it after a reload', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.server.url);
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });

    // New tree from the activity template, everyone's nodes owned by Maya until handed over.
    await page.getByRole('button', { name: 'New tree' }).click();
    const dialog = page.getByTestId('new-tree-dialog');
    await dialog.getByLabel(/Activity volume per contact/).check();
    await dialog.getByLabel('Name (optional)').fill(TREE_NAME);
    expect(await dialog.getByLabel('Accountable for every node').inputValue()).not.toBe('');
    await dialog.getByRole('button', { name: 'Create tree' }).click();
    await page.getByRole('heading', { level: 1, name: TREE_NAME }).waitFor();
    await expect.poll(() => page.getByTestId('metric-node').count(), { timeout: 30_000 }).toBe(16);
    expect(await page.locator('.tree-list__item[aria-current="true"]').textContent()).toContain(
      TREE_NAME,
    );
    expect(await saveState(page)).toMatch(/Saved\s*v1/);
    const trees = (await (await apiFetch(`${app.server.url}/api/trees`)).json()) as {
      trees: Array<{ id: string; name: string }>;
    };
    treeId = trees.trees.find((tree) => tree.name === TREE_NAME)!.id;

    // Add "Activity volume per contact" from the catalog with the keyboard, as tasks.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 200 } });
    await page.keyboard.press('a');
    const search = page.getByLabel('Search the metric catalog');
    await search.fill('activity volume');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('metric-node').count()).toBe(17);
    const added = page.locator('.react-flow__node.selected');
    expect(await added.locator('.metric-node').getAttribute('class')).toContain('is-pending');
    const panel = page.getByRole('complementary', { name: 'Details' });
    await panel.getByLabel('Node label').fill('Tasks per contact');
    await panel.getByLabel('Node label').press('Enter');
    await panel.getByLabel('Filter dimension').fill('channel');
    // The value field suggests the dimension's values (the channels).
    const valueList = await panel.getByLabel('Filter value').getAttribute('list');
    await expect.poll(() => panel.locator(`datalist[id="${valueList}"] option`).count()).toBe(6);
    await panel.getByLabel('Filter value').fill('task');
    await panel.getByRole('button', { name: 'Add filter' }).click();
    const tasks = nodeCard(page, 'Tasks per contact');
    await tasks.waitFor();

    // Free positioning: move it to an empty corner of the canvas.
    const canvas = await page.locator('.react-flow').boundingBox();
    await drag(page, await centreOf(tasks.locator('.metric-node__label')), {
      x: canvas!.x + 160,
      y: canvas!.y + canvas!.height - 170,
    });

    // Link it under the channel split by dragging from the parent's handle.
    const parent = nodeCard(page, 'Activity volume per contact');
    await drag(
      page,
      await centreOf(parent.locator('.react-flow__handle.source')),
      await centreOf(tasks.locator('.react-flow__handle.target')),
    );
    const chooser = page.getByTestId('relation-chooser');
    await chooser.waitFor();
    // A segment split of activity per contact by channel is refused, with the reason.
    const segments = chooser.locator('[data-relation="segments"]');
    expect(await segments.getAttribute('aria-disabled')).toBe('true');
    expect(await segments.textContent()).toMatch(/does not narrow its denominator by channel/);
    await page.screenshot({ path: join(artifacts, 'editor-relation-chooser.png') });
    await chooser.locator('[data-relation="sum"]').click();
    await chooser.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(16);

    // A cycle is refused with the reason.
    const meetingRate = nodeCard(page, 'Meeting rate');
    await drag(
      page,
      await centreOf(tasks.locator('.react-flow__handle.source')),
      await centreOf(meetingRate.locator('.react-flow__handle.target')),
    );
    await chooser.waitFor();
    expect(await chooser.getByRole('alert').textContent()).toMatch(/cycle/);
    await page.keyboard.press('Escape');
    await chooser.waitFor({ state: 'detached' });

    // Sam becomes the Accountable owner of the new branch (exactly one: a radio).
    await tasks.locator('.metric-node__label').click();
    await panel.getByLabel('Sam Okafor: Accountable').check();
    await panel.getByLabel('Jordan Reyes: Responsible').check();
    expect(await tasks.getByRole('img', { name: 'Accountable: Sam Okafor' }).count()).toBe(1);
    expect(await saveState(page)).toMatch(/Unsaved/);

    await page.keyboard.press('Control+s');
    await expect.poll(() => saveState(page), { timeout: 30_000 }).toMatch(/Saved\s*v2/);
    // Saved nodes get their values once the tree is re-read.
    await expect
      .poll(async () => (await tasks.getByTestId('node-value').textContent()) ?? '', {
        timeout: 30_000,
      })
      .toMatch(/\d/);
    await page.screenshot({ path: join(artifacts, 'editor-saved-tree.png') });

    await page.reload();
    await page.locator('.tree-list__item', { hasText: TREE_NAME }).click();
    await page.getByRole('heading', { level: 1, name: TREE_NAME }).waitFor();
    await expect.poll(() => page.getByTestId('metric-node').count(), { timeout: 30_000 }).toBe(17);
    await nodeCard(page, 'Tasks per contact').locator('.metric-node__label').click();
    expect(await panel.getByLabel('Sam Okafor: Accountable').isChecked()).toBe(true);
    expect(await panel.getByLabel('Jordan Reyes: Responsible').isChecked()).toBe(true);
    expect(await panel.getByText('channel = task').count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(16);
    await page.screenshot({ path: join(artifacts, 'editor-after-reload.png') });
    await page.close();
  });

  it('undoes and redoes deletes with the keyboard and the toolbar', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.server.url);
    await page.locator('.tree-list__item', { hasText: TREE_NAME }).click();
    const nodes = page.getByTestId('metric-node');
    await expect.poll(() => nodes.count(), { timeout: 30_000 }).toBe(17);

    await nodeCard(page, 'Tasks per contact').locator('.metric-node__label').click();
    await page.keyboard.press('Delete');
    const edges = page.locator('.react-flow__edge');
    await expect.poll(() => nodes.count()).toBe(16);
    // React Flow draws edges a frame after their nodes: wait for them too.
    await expect.poll(() => edges.count()).toBe(15);
    expect(await saveState(page)).toMatch(/Unsaved/);

    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes.count()).toBe(17);
    await expect.poll(() => edges.count()).toBe(16);
    expect(await saveState(page)).toMatch(/Saved/);

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodes.count()).toBe(16);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => nodes.count()).toBe(17);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => nodes.count()).toBe(16);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => nodes.count()).toBe(17);

    // A link is selected by its label and deleted from the panel; undo brings it back.
    await page
      .getByRole('button', { name: /^Link Tasks per contact → Activity volume per contact/ })
      .click();
    const panel = page.getByRole('complementary', { name: 'Details' });
    // Its relation can be changed where it fits; a segment split is refused, as on linking.
    const relations = panel.getByRole('list', { name: 'Relations' });
    expect(await relations.locator('[data-relation="sum"]').getAttribute('aria-current')).toBe(
      'true',
    );
    expect(
      await relations.locator('[data-relation="segments"]').getAttribute('aria-disabled'),
    ).toBe('true');
    await relations.locator('[data-relation="driver"]').click();
    await expect
      .poll(() => relations.locator('[data-relation="driver"]').getAttribute('aria-current'))
      .toBe('true');
    await page.keyboard.press('Control+z');
    await panel.getByRole('button', { name: 'Delete link' }).click();
    await expect.poll(() => edges.count()).toBe(15);
    await page.keyboard.press('Control+z');
    await expect.poll(() => edges.count()).toBe(16);

    // Tidy layout is one edit too.
    await page.getByRole('button', { name: 'Tidy layout' }).click();
    expect(await saveState(page)).toMatch(/Unsaved/);
    await page.keyboard.press('Control+z');
    expect(await saveState(page)).toMatch(/Saved/);

    // The shortcuts are listed behind "?".
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Undo');
    await page.screenshot({ path: join(artifacts, 'editor-shortcuts.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows what someone else saved, then overwrites or reloads theirs', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.server.url);
    await page.locator('.tree-list__item', { hasText: TREE_NAME }).click();
    await expect.poll(() => page.getByTestId('metric-node').count(), { timeout: 30_000 }).toBe(17);
    const panel = page.getByRole('complementary', { name: 'Details' });

    /** Renames the tree through the API, behind the page's back. */
    async function saveBehindTheBack(name: string) {
      const tree = (await (
        await apiFetch(`${app.server.url}/api/trees/${treeId}`)
      ).json()) as Record<string, unknown>;
      const res = await apiFetch(`${app.server.url}/api/trees/${treeId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...tree, name }),
      });
      expect(res.status).toBe(200);
    }

    // 1. Keep mine: my label edit is saved over their rename.
    await nodeCard(page, 'Tasks per contact').locator('.metric-node__label').click();
    await panel.getByLabel('Node label').fill('Tasks per active contact');
    await panel.getByLabel('Node label').press('Enter');
    await saveBehindTheBack('Renamed by Priya');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByTestId('conflict-dialog');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('The name changed');
    await page.screenshot({ path: join(artifacts, 'editor-conflict.png') });
    await conflict.getByRole('button', { name: 'Keep mine and overwrite' }).click();
    await conflict.waitFor({ state: 'detached' });
    await expect.poll(() => saveState(page), { timeout: 30_000 }).toMatch(/Saved\s*v4/);
    const afterOverwrite = (await (
      await apiFetch(`${app.server.url}/api/trees/${treeId}`)
    ).json()) as { name: string; nodes: Array<{ label: string }> };
    expect(afterOverwrite.name).toBe(TREE_NAME);
    expect(afterOverwrite.nodes.map((node) => node.label)).toContain('Tasks per active contact');

    // 2. Reload theirs: my edit is dropped, their version is shown.
    await page.getByRole('button', { name: 'Tidy layout' }).click();
    await saveBehindTheBack('Renamed by Priya');
    await page.keyboard.press('Control+s');
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload theirs' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Renamed by Priya' }).waitFor();
    await expect.poll(() => saveState(page), { timeout: 30_000 }).toMatch(/Saved\s*v5/);
    await page.close();
  });

  it('marks the nodes a refused save names, and deletes a tree after a confirm', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.server.url);
    await page.locator('.tree-list__item', { hasText: 'Renamed by Priya' }).click();
    await expect.poll(() => page.getByTestId('metric-node').count(), { timeout: 30_000 }).toBe(17);
    // A new node without an Accountable owner is refused by the API (422), on that node.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 200 } });
    await page.getByRole('button', { name: 'Add metric' }).click();
    await page.getByLabel('Search the metric catalog').fill('win rate');
    await page.getByRole('option', { name: /Win rate/ }).click();
    await page.keyboard.press('Control+s');
    const issue = page.locator('.react-flow__node.selected').getByTestId('node-issue');
    await issue.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('editor-notice').textContent()).toMatch(
      /keeps? this tree from being saved/,
    );
    expect(await page.getByTestId('panel-issues').textContent()).toMatch(/Accountable/);
    await page.screenshot({ path: join(artifacts, 'editor-invalid-save.png') });

    await page.getByRole('button', { name: 'Delete Renamed by Priya' }).click({ force: true });
    const discard = page.getByRole('dialog', { name: 'Delete “Renamed by Priya”?' });
    await discard.getByRole('button', { name: 'Delete tree' }).click();
    await page.locator('.tree-list__item', { hasText: 'Renamed by Priya' }).waitFor({
      state: 'detached',
    });
    expect(await page.locator('.tree-list__item').count()).toBe(1);
    await page.close();
  });
});
