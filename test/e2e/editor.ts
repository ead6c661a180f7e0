import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { OWNER } from '../../scripts/n8n/config';
import { log, run } from '../../scripts/n8n/proc';
import type { Results } from './lib/results';
import type { ApiEntry } from './lib/suites';
import type { EditorCase } from './types';

export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling out and the closed network refuses it. */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface EditorRun {
	/** n8n's base URL, with the owner of config.ts able to log in. */
	url: string;
	apis: Array<{ entry: ApiEntry }>;
	results: Results;
	tag: string;
	outDir: string;
}

/** Debian's Chromium, installed with apt-get when missing (we run as root on CI). */
export async function ensureChromium(): Promise<string | undefined> {
	if (existsSync(CHROMIUM)) return undefined;
	if (process.getuid?.() !== 0) return `${CHROMIUM} is missing: install Debian's chromium package`;
	log('Installing Debian chromium (apt-get)');
	await run('apt-get', ['update', '-q'], { timeoutMs: 10 * 60_000, allowFail: true });
	await run('apt-get', ['install', '-y', '-q', 'chromium'], {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeoutMs: 15 * 60_000,
	});
	return existsSync(CHROMIUM) ? undefined : `apt-get did not provide ${CHROMIUM}`;
}

const sel = (testId: string) => `[data-test-id="${testId}"]`;

async function login(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/signin`);
	const email = page.locator('input[name="emailOrLdapLoginId"], input[name="email"]').first();
	await email.waitFor({ timeout: 60_000 });
	await email.fill(OWNER.email);
	await page.locator('input[name="password"]').fill(OWNER.password);
	await page.locator(`${sel('form-submit-button')}, button[type="submit"]`).first().click();
	await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 60_000 });
}

/** Closes the pop-ups a fresh n8n shows over the canvas. */
async function dismissOverlays(page: Page): Promise<void> {
	for (const text of ['Skip', 'Get started', 'Close', 'Dismiss']) {
		const button = page.getByRole('button', { name: text, exact: true });
		if (await button.isVisible().catch(() => false)) await button.click().catch(() => undefined);
	}
}

async function addNode(page: Page, url: string, c: EditorCase): Promise<void> {
	await page.goto(`${url}/workflow/new`);
	await page.locator(sel('canvas-add-button')).first().waitFor({ timeout: 60_000 });
	await dismissOverlays(page);
	await page.locator(sel('canvas-add-button')).first().click();
	const search = page.locator(`${sel('node-creator-search-bar')} input, input${sel('node-creator-search-bar')}, ${sel('search-bar')} input`).first();
	await search.waitFor({ timeout: 30_000 });
	await search.fill(c.search);
	await page.locator(sel('node-creator-item-name')).getByText(c.search, { exact: true }).first().click();
	const action = page.locator(sel('node-creator')).getByText(c.action, { exact: true }).first();
	// On an empty canvas the creator opens the Triggers section and folds Actions away.
	if (!(await action.isVisible({ timeout: 3000 }).catch(() => false))) {
		for (const header of await page.locator(sel('node-creator')).getByText(/^(Actions|Triggers) \(\d+\)$/).all()) {
			if (!(await action.isVisible().catch(() => false))) await header.click().catch(() => undefined);
		}
	}
	await action.click();
	await page.locator(sel('ndv')).first().waitFor({ timeout: 30_000 });
}

async function checkLocator(page: Page, parameter: string, expectText: string): Promise<void> {
	const input = page.locator(`${sel(`parameter-input-${parameter}`)}`).first();
	await input.waitFor({ timeout: 15_000 });
	// The first input is the mode selector (From List / By ID); the value input comes last.
	const field = input.locator('input:visible').last();
	await field.click();
	const item = page.locator(`${sel('rlc-item')}:visible`).filter({ hasText: expectText }).first();
	await item.waitFor({ timeout: 30_000 });
}

async function checkValue(page: Page, parameter: string, value: string): Promise<void> {
	const input = page.locator(sel(`parameter-input-${parameter}`)).locator('input').first();
	await input.waitFor({ timeout: 15_000 });
	const shown = await input.inputValue();
	if (shown !== value) throw new Error(`parameter ${parameter} shows "${shown}", expected "${value}"`);
}

/** Runs the node from its panel and waits for the text in its output. */
async function executeStep(page: Page, expectText: string): Promise<void> {
	const ndv = page.locator(sel('ndv')).first();
	if (!(await ndv.isVisible().catch(() => false))) throw new Error('the node panel closed');
	await ndv.locator(sel('node-execute-button')).first().click();
	await ndv.locator(sel('output-panel')).getByText(expectText).first().waitFor({ timeout: 60_000 });
}

async function checkDropdown(page: Page, parameter: string, expectText: string): Promise<void> {
	const input = page.locator(sel(`parameter-input-${parameter}`)).first();
	await input.waitFor({ timeout: 15_000 });
	// Closed dropdowns stay in the page, hidden: only a visible option counts.
	const option = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').filter({ hasText: expectText }).first();
	await input.click();
	const shown = await option.waitFor({ timeout: 5000 }).then(() => true, () => false);
	// A click that landed while the panel was still settling may have toggled it shut.
	if (!shown) await input.click();
	await option.waitFor({ timeout: 30_000 });
}

/** Console messages and failed requests that come from this package's nodes. */
function watchErrors(page: Page, sink: string[], everything: string[]): void {
	const ours = (text: string) => /business-connectors|dynamic-node-parameters/i.test(text);
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const url = msg.location().url;
		const line = `${msg.text()} @ ${url}`;
		everything.push(line);
		// The editor asks the npm registry about installed community packages; offline that fails, and it is not our nodes.
		const external = /^https?:\/\//.test(url) && !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);
		if (ours(line) && !external) sink.push(line);
	});
	page.on('pageerror', (error) => {
		const line = `page error: ${error.message}\n${error.stack ?? ''}`;
		everything.push(line);
		if (ours(line)) sink.push(line);
	});
	page.on('response', (res) => {
		if (res.status() >= 400 && ours(res.url())) sink.push(`HTTP ${res.status()} ${res.url()}`);
	});
}

/** Log in, add each node through the node creator, check its panel loads from the sandbox, screenshot it. */
export async function runEditorTests(ctx: EditorRun): Promise<void> {
	const { results, tag } = ctx;
	const cases = ctx.apis.flatMap((a) => (a.entry.suite?.editor ?? []).map((c) => ({ api: a.entry.api, c })));
	if (!cases.length) return;
	const missing = await ensureChromium().catch((e: unknown) => String(e));
	if (missing) {
		for (const { api, c } of cases) results.skip(`${tag} ${api}: editor, ${c.action}`, missing);
		return;
	}
	mkdirSync(ctx.outDir, { recursive: true });
	const profile = mkdtempSync(join(tmpdir(), 'bc-chromium-'));
	let context: BrowserContext | undefined;
	const consoleLog: string[] = [];
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_FLAGS,
			viewport: { width: 1440, height: 900 },
		});
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(30_000);
		const ourErrors: string[] = [];
		watchErrors(page, ourErrors, consoleLog);
		const loggedIn = await results.check(`${tag} editor: log in as the owner`, async () => await login(page, ctx.url));
		if (!loggedIn) {
			await page.screenshot({ path: join(ctx.outDir, 'login-failed.png') }).catch(() => undefined);
			return;
		}
		for (const { api, c } of cases) {
			const file = join(ctx.outDir, `${api}-${c.node}-${c.action.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
			await results.check(`${tag} ${api}: editor, ${c.search} → ${c.action}`, async () => {
				ourErrors.length = 0;
				try {
					await addNode(page, ctx.url, c);
					for (const [parameter, value] of Object.entries(c.expectValues ?? {})) await checkValue(page, parameter, value);
					for (const l of c.locators ?? []) await checkLocator(page, l.parameter, l.expectText);
					for (const d of c.dropdowns ?? []) await checkDropdown(page, d.parameter, d.expectText);
					if (c.executeExpectText) await executeStep(page, c.executeExpectText);
					await page.waitForTimeout(500);
				} finally {
					await page.screenshot({ path: file }).catch(() => undefined);
				}
				if (ourErrors.length) throw new Error(`console errors from our nodes:\n${ourErrors.join('\n')}`);
				log(`${tag} screenshot ${file}`);
			});
			await page.keyboard.press('Escape').catch(() => undefined);
		}
	} catch (error) {
		results.fail(`${tag} editor: browser`, error);
	} finally {
		writeFileSync(join(ctx.outDir, 'console-errors.txt'), consoleLog.join('\n'));
		await context?.close().catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	}
}
