import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { OWNER } from '../../scripts/n8n/config';
import { log, run } from '../../scripts/n8n/proc';
import type { StartedSimulator } from '../sandbox/types';
import type { Results } from './lib/results';
import { sandboxClient } from './lib/sandbox';
import type { ApiEntry } from './lib/suites';
import { exampleWorkflow, type CredentialRef } from './lib/workflows';
import type { CredentialTest, EditorCase, EditorStep } from './types';

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
	/** With `sim` and `credential`, the credential forms and the example workflows are checked too. */
	apis: Array<{ entry: ApiEntry; sim?: StartedSimulator; credential?: CredentialRef }>;
	results: Results;
	tag: string;
	outDir: string;
	/** Also write the screenshots the README shows here (PNG, cropped to what they show). */
	docsDir?: string;
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

/** Opens a resource locator's "From List" and returns its entry showing the text. */
async function locatorEntry(page: Page, parameter: string, expectText: string | RegExp): Promise<Locator> {
	const input = page.locator(`${sel(`parameter-input-${parameter}`)}`).first();
	await input.waitFor({ timeout: 15_000 });
	// The first input is the mode selector (From List / By ID); the value input comes last.
	const field = input.locator('input:visible').last();
	await field.click();
	const item = page.locator(`${sel('rlc-item')}:visible`).filter({ hasText: expectText }).first();
	await item.waitFor({ timeout: 30_000 });
	return item;
}

async function checkLocator(page: Page, parameter: string, expectText: string | RegExp): Promise<void> {
	await locatorEntry(page, parameter, expectText);
}

/** The open dropdown's entry (an options list or a menu) showing the text. */
const dropdownEntry = (page: Page, text: string | RegExp) =>
	page.locator('.el-select-dropdown__item:visible, [role="option"]:visible, [role="menuitem"]:visible').filter({ hasText: text }).first();

async function runStep(page: Page, step: EditorStep): Promise<void> {
	if ('pick' in step) {
		await (await locatorEntry(page, step.pick, step.text)).click();
		return;
	}
	if ('choose' in step) {
		await page.locator(sel(`parameter-input-${step.choose}`)).first().click();
		await dropdownEntry(page, step.option).click();
		return;
	}
	const ndv = page.locator(sel('ndv')).first();
	// n8n 2 draws "Add ..." as a button; n8n 1 draws a collection's as a select with that placeholder.
	await ndv.getByText(step.add, { exact: true }).or(ndv.getByPlaceholder(step.add)).first().click();
	if (step.option) await dropdownEntry(page, step.option).click();
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

async function checkDropdown(page: Page, parameter: string, expectText: string | RegExp): Promise<void> {
	const input = page.locator(sel(`parameter-input-${parameter}`)).first();
	await input.waitFor({ timeout: 15_000 });
	// Closed dropdowns stay in the page, hidden: only a visible option counts.
	const option = dropdownEntry(page, expectText);
	await input.click();
	const shown = await option.waitFor({ timeout: 5000 }).then(() => true, () => false);
	// A click that landed while the panel was still settling may have toggled it shut.
	if (!shown) await input.click();
	await option.waitFor({ timeout: 30_000 });
}

/** The credential type's name as the "Add credential" list shows it, from the built credential class. */
function credentialDisplayName(type: string): string {
	const file = join(__dirname, '..', '..', 'dist', 'credentials', `${type.charAt(0).toUpperCase()}${type.slice(1)}.credentials.js`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(file) as Record<string, new () => { displayName: string }>;
	return new (Object.values(mod)[0])().displayName;
}

/**
 * Creates a credential through the editor's forms (type picker, fields, Save, which runs the
 * test) and waits for the test's message in the form. The dialog is left open for a screenshot.
 */
async function checkCredentialForm(page: Page, url: string, type: string, data: Record<string, unknown>, expected: RegExp): Promise<string> {
	await page.goto(`${url}/home/credentials/create`);
	const picker = page.locator(`${sel('new-credential-type-select')} input`).first();
	await picker.waitFor({ timeout: 30_000 });
	const name = credentialDisplayName(type);
	await picker.fill(name);
	await page.locator(sel('new-credential-type-select-option')).filter({ hasText: name }).first().click();
	await page.locator(sel('new-credential-type-button')).click();
	const dialog = page.locator('[role="dialog"]:visible').last();
	await dialog.locator(sel('credential-save-button')).waitFor({ timeout: 30_000 });
	for (const [field, value] of Object.entries(data)) {
		const box = dialog.locator(sel(`parameter-input-${field}`)).first();
		if (!(await box.count())) continue;
		if (typeof value === 'boolean') {
			const on = (await box.locator('.is-checked, [aria-checked="true"]').count()) > 0;
			if (on !== value) await box.locator('.el-switch, [role="switch"]').first().click();
			continue;
		}
		await box.locator('input, textarea').first().fill(String(value));
	}
	await dialog.locator(sel('credential-save-button')).click();
	const loose = new RegExp(expected.source.replace(/^\^/, ''), expected.flags);
	const deadline = Date.now() + 45_000;
	let shown = '';
	while (Date.now() < deadline) {
		// n8n folds the test's message under "More details".
		const more = dialog.getByText('More details', { exact: true }).first();
		if (await more.isVisible().catch(() => false)) await more.click().catch(() => undefined);
		shown = await dialog.innerText().catch(() => '');
		if (loose.test(shown.replace(/\s+/g, ' '))) return shown;
		await page.waitForTimeout(500);
	}
	throw new Error(`the credential form never showed ${expected}; it shows:\n${shown.slice(0, 1500)}`);
}

/** Opens an example workflow and checks its sticky notes are on the canvas. */
async function checkExampleNotes(page: Page, url: string, workflowId: string, noteText: string): Promise<void> {
	await page.goto(`${url}/workflow/${workflowId}`);
	await dismissOverlays(page);
	const line = noteText.split('\n').find((l) => l.trim() && !l.startsWith('#')) ?? noteText;
	await page.getByText(line.slice(0, 40), { exact: false }).first().waitFor({ timeout: 30_000 });
	await page.keyboard.press('1').catch(() => undefined);
	await page.waitForTimeout(800);
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
			// Cases that open a list behind a few clicks share their action with others: name them by that list.
			const lists = c.setup?.length ? [...(c.locators ?? []), ...(c.dropdowns ?? [])].map((l) => l.parameter) : [];
			const slug = [c.action, ...lists].join('-').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
			const file = join(ctx.outDir, `${api}-${c.node}-${slug}.png`);
			const listed = lists.length ? `, list ${lists.join(', ')}` : '';
			await results.check(`${tag} ${api}: editor, ${c.search} → ${c.action}${listed}`, async () => {
				ourErrors.length = 0;
				try {
					await addNode(page, ctx.url, c);
					for (const [parameter, value] of Object.entries(c.expectValues ?? {})) await checkValue(page, parameter, value);
					for (const step of c.setup ?? []) await runStep(page, step);
					for (const l of c.locators ?? []) await checkLocator(page, l.parameter, l.expectText);
					for (const d of c.dropdowns ?? []) await checkDropdown(page, d.parameter, d.expectText);
					if (c.executeExpectText) await executeStep(page, c.executeExpectText);
					await page.waitForTimeout(500);
				} finally {
					await page.screenshot({ path: file }).catch(() => undefined);
					if (ctx.docsDir && c.readme) await page.screenshot({ path: join(ctx.docsDir, basename(file)) }).catch(() => undefined);
				}
				if (ourErrors.length) throw new Error(`console errors from our nodes:\n${ourErrors.join('\n')}`);
				log(`${tag} screenshot ${file}`);
			});
			await page.keyboard.press('Escape').catch(() => undefined);
		}
		await checkFormsAndExamples(page, ctx);
	} catch (error) {
		results.fail(`${tag} editor: browser`, error);
	} finally {
		writeFileSync(join(ctx.outDir, 'console-errors.txt'), consoleLog.join('\n'));
		await context?.close().catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	}
}

/** Each credential's failure message in its form, and each API's example notes on the canvas. */
async function checkFormsAndExamples(page: Page, ctx: EditorRun): Promise<void> {
	const { results, tag } = ctx;
	for (const { entry, sim, credential } of ctx.apis) {
		if (!sim || !entry.suite) continue;
		for (const test of entry.suite.credentialTests.filter((t: CredentialTest) => t.editor && t.message)) {
			const slug = test.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().replace(/^-|-$/g, '');
			await results.check(`${tag} ${entry.api}: editor, credential form says: ${test.name}`, async () => {
				await test.before?.(sandboxClient(sim));
				try {
					const data = { ...sim.credentials, ...(test.data ?? {}) };
					for (const hidden of ['accessToken', 'accessTokenExpiresAt']) delete data[hidden];
					await checkCredentialForm(page, ctx.url, sim.credentialType, data, test.message!);
				} finally {
					await test.after?.(sandboxClient(sim));
					const dialog = page.locator('.el-dialog:visible').last();
					await dialog.screenshot({ path: join(ctx.outDir, `${entry.api}-credential-${slug}.png`) }).catch(() => undefined);
					if (ctx.docsDir) await dialog.screenshot({ path: join(ctx.docsDir, `${entry.api}-credential-${slug}.png`) }).catch(() => undefined);
					await page.keyboard.press('Escape').catch(() => undefined);
				}
			});
		}
		const example = entry.suite.examples[0];
		if (example && credential) {
			await results.check(`${tag} ${entry.api}: editor, example "${example.name}" shows its sticky notes`, async () => {
				const workflow = exampleWorkflow(example, credential);
				await checkExampleNotes(page, ctx.url, workflow.id, example.note);
				const file = `${entry.api}-example-${example.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().replace(/^-|-$/g, '')}.png`;
				await page.screenshot({ path: join(ctx.outDir, file) });
				if (ctx.docsDir) await page.screenshot({ path: join(ctx.docsDir, file) });
			});
		}
	}
}
