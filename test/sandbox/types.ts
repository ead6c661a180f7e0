import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RunningSandbox } from './server';

/** A started API simulator and the credential data that reaches it. */
export interface StartedSimulator extends RunningSandbox {
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
}

export interface SimulatorDefinition {
	/** Short name: `telesto`, `shopApplication`, `clientXcms`, `onlineErp`. */
	name: string;
	/** Port used by `npm run sandbox` and `npm run dev`; tests use a free port. */
	defaultPort: number;
	start(options?: { port?: number }): Promise<StartedSimulator>;
}
