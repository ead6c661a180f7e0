import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { loadPackageTypes, PACKAGE_NAME } from './package-types';

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
export const ITEMS_NODE = 'test.items';

class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Emits the items given in its `items` parameter: the input of the node under test. */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [list.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor() {
		this.types.set(MANUAL_TRIGGER, new ManualTrigger());
		// n8n tests credentials through a temporary NoOp node.
		this.types.set('n8n-nodes-base.noOp', new ManualTrigger());
		this.types.set(ITEMS_NODE, new ItemsSource());
		for (const node of loadPackageTypes().nodes) {
			this.types.set(`${PACKAGE_NAME}.${node.description.name}`, node);
		}
	}

	/** Adds a node type from elsewhere (n8n's own Edit Fields node in the benchmark). */
	register(name: string, type: INodeType | IVersionedNodeType): void {
		this.types.set(name, type);
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		const type = this.getByName(name);
		return 'nodeVersions' in type ? type.getNodeType(version) : type;
	}

	/** This package's node types. */
	all(): INodeType[] {
		return [...this.types.entries()].filter(([name]) => name.startsWith(`${PACKAGE_NAME}.`)).map(([, type]) => type as INodeType);
	}

	getKnownTypes() {
		return {};
	}
}

export const nodeTypes = new TestNodeTypes();
