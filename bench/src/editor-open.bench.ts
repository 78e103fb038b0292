/**
 * Editor speed (docs/product.md §8: "a 200-node tree opens and is interactive in ≤ 1.5 s in headless
 * Chromium"). Starts the built server (`node apps/api/dist/server.js`, as `pnpm start` does)
 * on a fresh PGlite data folder, saves a 200-node tree and a 16-node reference of the same
 * shape through the API, then in headless Chromium times, per run, from navigation start:
 * the first contentful paint (the empty shell), every node card on the canvas with its
 * value, and the first click on a node answered by the detail panel. A pan of the canvas is
 * timed frame by frame. Medians over the runs; the server's value cache is warmed first,
 * so the numbers are the browser's, not the database's.
 */
// The functions handed to page.evaluate and waitForFunction run in Chromium.
/// <reference lib="dom" />
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const serverEntry = fileURLToPath(new URL('../../apps/api/dist/server.js', import.meta.url));
const webIndex = fileURLToPath(new URL('../../apps/web/dist/index.html', import.meta.url));

export interface EditorOpenRun {
  /** Navigation start → first contentful paint (the shell, before any tree). */
  firstPaintMs: number;
  /** Navigation start → every node card on the canvas, with its value. */
  nodesReadyMs: number;
  /** Click on a node → the detail panel shows it. */
  firstInteractionMs: number;
  /** nodesReadyMs + firstInteractionMs: opened and interactive. */
  interactiveMs: number;
}

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface EditorOpenCase {
  nodes: number;
  runs: EditorOpenRun[];
  median: EditorOpenRun;
  pan: FrameStats;
}

export interface EditorOpenResult {
  chromium: string;
  viewport: { width: number; height: number };
  runs: number;
  large: EditorOpenCase;
  reference: EditorOpenCase;
  targetMs: number;
}

const VIEWPORT = { width: 1440, height: 900 };
const TARGET_MS = 1500;

/** The dimensions the generated tree splits activities by, level after level. */
const SPLITS: ReadonlyArray<{ dimension: string; values: readonly string[] }> = [
  { dimension: 'channel', values: ['call', 'email', 'meeting', 'social', 'task', 'note'] },
  { dimension: 'team', values: ['Team A', 'Team B', 'Team C', 'Team D', 'Team E', 'Team F'] },
  { dimension: 'segment', values: ['smb', 'mid_market', 'enterprise'] },
  { dimension: 'direction', values: ['outbound', 'inbound'] },
];

interface DraftNode {
  id: string;
  metricKey: string;
  label: string;
  filter: Record<string, string>;
  position: { x: number; y: number };
  band: null;
  raci: { accountable: string[]; responsible: string[]; consulted: string[]; informed: string[] };
}

interface DraftEdge {
  id: string;
  parent: string;
  child: string;
  relation: 'sum';
  role: null;
  exponent: 1;
}

/**
 * A valid tree of `count` nodes: total activities, split (sum) by channel, each channel by
 * team, each of those by segment, then by direction, breadth first until `count` nodes;
 * laid out top to bottom, leaves side by side. Owners rotate through `people`.
 *
 * @example const { nodes, edges } = activitySplitTree(200, ['person-id']);
 */
export function activitySplitTree(
  count: number,
  people: readonly string[],
): { nodes: DraftNode[]; edges: DraftEdge[] } {
  const nodes: DraftNode[] = [];
  const edges: DraftEdge[] = [];
  const depth = new Map<string, number>();
  const children = new Map<string, string[]>();
  const make = (filter: Record<string, string>, level: number): DraftNode => {
    const n = nodes.length;
    const parts = Object.values(filter);
    const node: DraftNode = {
      id: `n${n}`,
      metricKey: 'activities_total',
      label: parts.length === 0 ? 'Activities' : `Activities · ${parts.join(' · ')}`,
      filter,
      position: { x: 0, y: 0 },
      band: null,
      raci: {
        accountable: [people[n % people.length]!],
        responsible: [],
        consulted: [],
        informed: [],
      },
    };
    nodes.push(node);
    depth.set(node.id, level);
    children.set(node.id, []);
    return node;
  };
  const queue = [make({}, 0)];
  while (queue.length > 0 && nodes.length < count) {
    const parent = queue.shift()!;
    const level = depth.get(parent.id)!;
    const split = SPLITS[level];
    if (!split) continue;
    for (const value of split.values) {
      if (nodes.length >= count) break;
      const child = make({ ...parent.filter, [split.dimension]: value }, level + 1);
      edges.push({
        id: `e${edges.length}`,
        parent: parent.id,
        child: child.id,
        relation: 'sum',
        role: null,
        exponent: 1,
      });
      children.get(parent.id)!.push(child.id);
      queue.push(child);
    }
  }
  // Leaves side by side, each parent centred over its children.
  let nextLeaf = 0;
  const place = (id: string): number => {
    const kids = children.get(id)!;
    const node = nodes.find((n) => n.id === id)!;
    const x =
      kids.length === 0
        ? nextLeaf++ * 250
        : kids.map(place).reduce((a, b) => a + b, 0) / kids.length;
    node.position = { x: Math.round(x), y: depth.get(id)! * 200 };
    return x;
  };
  place('n0');
  return { nodes, edges };
}

interface ServerRun {
  url: string;
  stop: () => Promise<void>;
}

/** Starts the built server on its own data folder; resolves with its URL once it is up. */
function startBuiltServer(dataDir: string, timeoutMs = 300_000): Promise<ServerRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [serverEntry], {
      env: { ...process.env, PORT: '0', TREELINE_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: 'pipe',
    });
    let output = '';
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Treeline is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready:\n${output}`));
    });
  });
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Creates an empty tree and saves `count` generated nodes into it; returns its id. */
async function createTree(base: string, name: string, count: number): Promise<string> {
  const { people } = await call<{ people: Array<{ id: string }> }>(`${base}/api/people`);
  const created = await call<Record<string, unknown> & { id: string; version: number }>(
    `${base}/api/trees`,
    { method: 'POST', body: JSON.stringify({ name, templateKey: null }) },
  );
  const { nodes, edges } = activitySplitTree(
    count,
    people.map((p) => p.id),
  );
  const saved = await call<{ id: string; nodes: unknown[] }>(`${base}/api/trees/${created.id}`, {
    method: 'PUT',
    body: JSON.stringify({
      version: created.version,
      name,
      description: `${count} nodes of activities split by channel, team, segment and direction (benchmark)`,
      motion: null,
      outboundWindowDays: created.outboundWindowDays ?? 30,
      nodes,
      edges,
    }),
  });
  if (saved.nodes.length !== count)
    throw new Error(`saved ${saved.nodes.length} nodes, not ${count}`);
  return saved.id;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

/** Opens the app on `treeId` only (the tree list is narrowed to it) and times one open. */
async function openOnce(
  browser: Browser,
  base: string,
  treeId: string,
  count: number,
  withPan: boolean,
): Promise<{ run: EditorOpenRun; pan: number[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  // The app opens the first tree of the list: make that the tree under test.
  await page.route('**/api/trees', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as { trees: Array<{ id: string }> };
    await route.fulfill({
      response,
      json: { trees: body.trees.filter((tree) => tree.id === treeId) },
    });
  });
  await page.goto(base, { waitUntil: 'commit' });
  const nodesReadyMs = await nodesReady(page, count);
  const firstPaintMs = await page.evaluate(
    () =>
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ??
      performance.getEntriesByName('first-paint')[0]?.startTime ??
      Number.NaN,
  );
  const firstInteractionMs = await clickNode(page);
  const pan = withPan ? await panFrames(page) : [];
  await context.close();
  return {
    run: {
      firstPaintMs,
      nodesReadyMs,
      firstInteractionMs,
      interactiveMs: nodesReadyMs + firstInteractionMs,
    },
    pan,
  };
}

/** performance.now() when `count` cards are on the canvas, none waiting for values. */
async function nodesReady(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const cards = document.querySelectorAll('[data-testid="metric-node"]');
      if (cards.length !== n) return false;
      if (document.querySelector('.metric-node.is-pending, main.canvas[aria-busy="true"]'))
        return false;
      const root = document.querySelector('.metric-node [data-testid="node-value"]');
      return root && /\d/.test(root.textContent ?? '') ? performance.now() : false;
    },
    count,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Clicks an unselected node in view; ms from the click until the panel shows that node. */
async function clickNode(page: Page): Promise<number> {
  const target = page.locator('.react-flow__node:not(.selected)').filter({
    has: page.locator('.metric-node:not(.is-selected)'),
  });
  const candidates = await target.all();
  let chosen: { label: string; x: number; y: number } | null = null;
  for (const card of candidates) {
    const box = await card.boundingBox();
    if (!box || box.x < 300 || box.y < 120 || box.x + box.width > 1080 || box.y > 820) continue;
    chosen = {
      label: (await card.locator('.metric-node__label').textContent()) ?? '',
      x: box.x + box.width / 2,
      y: box.y + 8,
    };
    break;
  }
  if (!chosen) throw new Error('no node card in view to click');
  await page.evaluate(() => {
    const w = window as unknown as { benchClickAt?: number };
    addEventListener('pointerdown', () => (w.benchClickAt ??= performance.now()), {
      capture: true,
      once: true,
    });
  });
  await page.mouse.click(chosen.x, chosen.y);
  const handle = await page.waitForFunction(
    (label) => {
      const input = document.querySelector<HTMLInputElement>('.panel .panel__title-input');
      const at = (window as unknown as { benchClickAt?: number }).benchClickAt;
      return input?.value === label && at !== undefined ? performance.now() - at : false;
    },
    chosen.label,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Drags the canvas for ~1 s and returns the intervals between animation frames. */
async function panFrames(page: Page): Promise<number[]> {
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchPanning = true;
    let last = performance.now();
    const tick = (now) => {
      window.benchFrames.push(now - last);
      last = now;
      if (window.benchPanning) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas pane');
  // Empty canvas near the bottom of the pane, then 60 moves to the left and up.
  const from = { x: pane.x + pane.width * 0.5, y: pane.y + pane.height - 60 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(from.x - i * 8, from.y - i * 3);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchPanning: boolean };
    w.benchPanning = false;
    return w.benchFrames.slice(1);
  });
}

function frameStats(frames: readonly number[]): FrameStats {
  return {
    frames: frames.length,
    medianMs: median(frames),
    p95Ms: percentile(frames, 95),
    maxMs: Math.max(...frames),
  };
}

/**
 * Times every case `runs` times, interleaved (and alternating which goes first), so load
 * from other work on the machine falls on all of them alike.
 */
async function measureCases(
  browser: Browser,
  base: string,
  cases: ReadonlyArray<{ treeId: string; count: number }>,
  runs: number,
  log: (line: string) => void,
): Promise<EditorOpenCase[]> {
  // Warm-up: the server computes and caches the values; Chromium warms its caches.
  for (const c of cases) await openOnce(browser, base, c.treeId, c.count, false);
  const results = cases.map(() => ({ runs: [] as EditorOpenRun[], frames: [] as number[] }));
  for (let i = 0; i < runs; i++) {
    const order = cases.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) {
      const { treeId, count } = cases[k]!;
      const { run, pan } = await openOnce(browser, base, treeId, count, true);
      results[k]!.runs.push(run);
      results[k]!.frames.push(...pan);
      log(
        `${count} nodes, run ${i + 1}/${runs}: paint ${run.firstPaintMs.toFixed(0)} ms, nodes ${run.nodesReadyMs.toFixed(0)} ms, click ${run.firstInteractionMs.toFixed(0)} ms`,
      );
    }
  }
  return results.map(({ runs: list, frames }, k) => {
    const pick = (key: keyof EditorOpenRun) => median(list.map((r) => r[key]));
    return {
      nodes: cases[k]!.count,
      runs: list,
      median: {
        firstPaintMs: pick('firstPaintMs'),
        nodesReadyMs: pick('nodesReadyMs'),
        firstInteractionMs: pick('firstInteractionMs'),
        interactiveMs: pick('interactiveMs'),
      },
      pan: frameStats(frames),
    };
  });
}

/**
 * @example const result = await runEditorOpenBenchmark({ runs: 7, log: console.log });
 */
export async function runEditorOpenBenchmark(options: {
  runs: number;
  nodes?: number;
  referenceNodes?: number;
  log: (line: string) => void;
}): Promise<EditorOpenResult> {
  const { runs, log } = options;
  const large = options.nodes ?? 200;
  const small = options.referenceNodes ?? 16;
  for (const [file, what] of [
    [serverEntry, 'the API'],
    [webIndex, 'the web app'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build ${what} first (pnpm build)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'treeline-editor-bench-'));
  let server: ServerRun | undefined;
  let browser: Browser | undefined;
  try {
    log('starting the built server (seeds the demo workspace)…');
    server = await startBuiltServer(dataDir);
    const largeId = await createTree(server.url, `Bench: ${large} nodes`, large);
    const smallId = await createTree(server.url, `Bench: ${small} nodes`, small);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    const [reference, largeCase] = await measureCases(
      browser,
      server.url,
      [
        { treeId: smallId, count: small },
        { treeId: largeId, count: large },
      ],
      runs,
      log,
    );
    return {
      chromium: browser.version(),
      viewport: VIEWPORT,
      runs,
      large: largeCase!,
      reference: reference!,
      targetMs: TARGET_MS,
    };
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
