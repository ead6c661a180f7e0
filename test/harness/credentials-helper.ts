import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

import { loadPackageTypes } from './package-types';

export interface CredentialEvents {
	preAuthentications: number;
	updates: ICredentialDataDecryptedObject[];
}

/**
 * Mirrors what n8n's own credentials helper does for our credential types: defaults are applied
 * on decrypt, generic `authenticate` properties are resolved as expressions over
 * `$credentials`, and `preAuthentication` runs when the expirable property is empty or after a
 * 401, its result persisted for the next execution.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	private store = new Map<string, ICredentialDataDecryptedObject>();

	readonly events: CredentialEvents = { preAuthentications: 0, updates: [] };

	constructor() {
		super();
		for (const type of loadPackageTypes().credentials) this.types.set(type.name, type);
	}

	type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	/** Sets the stored data of a credential type, as a user saving the form would. */
	set(typeName: string, data: ICredentialDataDecryptedObject): void {
		this.store.set(typeName, { ...data });
	}

	stored(typeName: string): ICredentialDataDecryptedObject | undefined {
		return this.store.get(typeName);
	}

	withDefaults(typeName: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const out: ICredentialDataDecryptedObject = {};
		for (const prop of this.type(typeName).properties) {
			if (prop.type === 'notice') continue;
			out[prop.name] = (prop.default as ICredentialDataDecryptedObject[string]) ?? '';
		}
		return { ...out, ...data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const auth = this.type(typeName).authenticate;
		if (!auth) return options;
		if (typeof auth === 'function') return await auth(credentials, options);

		const resolve = (value: unknown): unknown => {
			if (typeof value !== 'string' || !value.startsWith('=')) return value;
			if (!workflow || !node) throw new Error('authenticate needs the workflow to resolve expressions');
			return workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		};
		const resolveAll = (obj: Record<string, unknown> | undefined) =>
			Object.fromEntries(Object.entries(obj ?? {}).map(([k, v]) => [k, resolve(v)]));

		const { headers, qs, body, auth: basic } = auth.properties as {
			headers?: Record<string, unknown>;
			qs?: Record<string, unknown>;
			body?: Record<string, unknown>;
			auth?: Record<string, unknown>;
		};
		const out: IHttpRequestOptions = { ...options };
		if (headers) out.headers = { ...(options.headers ?? {}), ...resolveAll(headers) } as IHttpRequestOptions['headers'];
		if (qs) out.qs = { ...(options.qs ?? {}), ...resolveAll(qs) } as IHttpRequestOptions['qs'];
		if (body) out.body = { ...((options.body as object) ?? {}), ...resolveAll(body) };
		if (basic) {
			const r = resolveAll(basic);
			out.auth = { username: String(r.username ?? ''), password: String(r.password ?? '') };
		}
		return out;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.events.preAuthentications++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) {
			throw new Error(`preAuthentication of ${typeName} did not return ${expirable.name}`);
		}
		const updated = Object.assign(credentials, output);
		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials) await this.updateCredentials(nodeCredentials, typeName, updated);
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails): Promise<Credentials> {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, '', '');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(type);
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// A copy, as n8n decrypts a fresh object for every execution.
		return this.withDefaults(type, structuredClone(data));
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.events.updates.push({ ...data });
		this.store.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
