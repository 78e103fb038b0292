// A label that looks like markup is shown as text: saved through the API as a node label, the
// tree renders it in Chromium as the literal characters, no element is made from it and no
// script runs (no dialog opens). The page also loads under the server's Content-Security-
// Policy without a single violation.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

const LABEL = '<img src=x onerror=alert(1)>';

describe('hostile labels', () => {
  const app = appInChromium('hostile-labels');

  it('renders a node labelled <img src=x onerror=alert(1)> as text, with no dialog', async () => {
    const url = app.server.url;
    const trees = (await (await fetch(`${url}/api/trees`)).json()) as { trees: { id: string }[] };
    const treeId = trees.trees[0]?.id;
    expect(treeId).toBeDefined();
    const tree = (await (await fetch(`${url}/api/trees/${treeId}`)).json()) as Record<
      string,
      unknown
    > & { nodes: Array<{ label: string }> };
    const nodes = tree.nodes.map((node, i) => (i === 0 ? { ...node, label: LABEL } : node));
    const saved = await fetch(`${url}/api/trees/${treeId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        version: tree.version,
        name: tree.name,
        description: tree.description,
        motion: tree.motion,
        outboundWindowDays: tree.outboundWindowDays,
        nodes,
        edges: tree.edges,
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const dialogs: string[] = [];
    const violations: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${url}/#/trees/${treeId}`);
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });
    const shown = page.getByText(LABEL, { exact: true }).first();
    await shown.waitFor({ timeout: 10_000 });
    expect(await shown.isVisible()).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'hostile-label.png') });
    await page.close();
  });
});
