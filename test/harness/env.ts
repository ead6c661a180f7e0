import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its instance settings under the user folder on import; keep that out of $HOME.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'bc-n8n-'));
// The newer expression engine needs isolated-vm, which does not run on Node 20.
process.env.N8N_EXPRESSION_ENGINE ??= 'legacy';
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.TZ ??= 'UTC';
