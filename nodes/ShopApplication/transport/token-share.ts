import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { coordination } from '../../shared/coordination';
import { requestToken, shopApplicationBaseUrl } from './token';

interface TokenFields {
	accessToken: string;
	accessTokenExpiresAt: number;
}

/**
 * A credential's name in the shared store (a hash: no secret in a key) and the key that seals its
 * token there, so that only a process that knows the Client Secret can read it.
 */
function identity(credentials: ICredentialDataDecryptedObject): { id: string; key: Buffer } {
	const material = [shopApplicationBaseUrl(credentials), String(credentials.clientId ?? '').trim(), String(credentials.clientSecret ?? '')].join('\n');
	return {
		id: createHash('sha256').update(material).digest('hex').slice(0, 32),
		key: Buffer.from(hkdfSync('sha256', material, 'n8n-nodes-business-connectors', 'shop-application-token', 32)),
	};
}

function seal(fields: TokenFields, key: Buffer): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(JSON.stringify(fields), 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(text: string | undefined, key: Buffer): TokenFields | undefined {
	if (!text) return undefined;
	try {
		const raw = Buffer.from(text, 'base64');
		const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
		decipher.setAuthTag(raw.subarray(12, 28));
		const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
		const fields = JSON.parse(json) as TokenFields;
		return typeof fields.accessToken === 'string' && typeof fields.accessTokenExpiresAt === 'number' ? fields : undefined;
	} catch {
		return undefined;
	}
}

/** Longer than one /token request (30 s timeout): a holder that died frees the lock by then. */
const LOCK_TTL_MS = 40_000;
const LOCK_WAIT_MS = 45_000;

/** Token requests under way in this process, per credential and refused token. */
const inFlight = new Map<string, Promise<IDataObject>>();

/**
 * One token for every execution, node and process using the same credential: under a lock
 * shared by every process (n8n's Redis in queue mode, else this process), a token another one
 * obtained meanwhile is reused, unless it is the token that was just refused (the 401 refresh) or
 * past its lifetime. Only then is `/token` asked.
 */
export async function sharedToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	const { id, key } = identity(credentials);
	const refused = String(credentials.accessToken ?? '');
	const flight = `${id}|${refused}`;
	const running = inFlight.get(flight);
	if (running) return await running;
	const store = `shopApplication:token:${id}`;
	const work = coordination.withLock(
		`${store}:lock`,
		{
			ttlMs: LOCK_TTL_MS,
			waitMs: LOCK_WAIT_MS,
			// A holder that takes this long is stuck: a token of our own is better than a failure.
			onBusy: async () => await requestToken(helper, credentials),
		},
		async () => {
			const cached = unseal(await coordination.get(store), key);
			if (cached && cached.accessToken !== refused && cached.accessTokenExpiresAt > clock.now()) return { ...cached };
			const fresh = await requestToken(helper, credentials);
			const expiresAt = Number(fresh.accessTokenExpiresAt);
			await coordination.set(store, seal({ accessToken: String(fresh.accessToken), accessTokenExpiresAt: expiresAt }, key), Math.max(1000, expiresAt - clock.now()));
			return fresh;
		},
	);
	inFlight.set(flight, work);
	try {
		return await work;
	} finally {
		inFlight.delete(flight);
	}
}

/** Forgets the tokens this process keeps (tests). */
export function resetSharedTokens(): void {
	coordination.resetMemory('shopApplication:token:');
}
