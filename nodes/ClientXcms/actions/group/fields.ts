import type { BodyField } from '../../helpers/fields';

export const groupFields: BodyField[] = [
	{ name: 'name', label: 'Name', type: 'string', required: true },
	{ name: 'description', label: 'Description', type: 'text', required: true },
	{ name: 'status', label: 'Status', type: 'options', options: ['active', 'hidden', 'unreferenced'], required: true },
	{ name: 'slug', label: 'Slug', type: 'string', required: true, placeholder: 'e.g. web-hosting' },
	{ name: 'sort_order', label: 'Sort Order', type: 'number', required: true },
	{ name: 'parent_id', label: 'Parent Group ID', type: 'number', description: 'Leave empty for a top-level group', pick: 'getGroups' },
	{ name: 'pinned', label: 'Pinned', type: 'boolean', description: 'Whether the group is pinned in the store' },
	{ name: 'badge_title', label: 'Badge Title', type: 'string' },
	{ name: 'badge_color', label: 'Badge Color', type: 'string', placeholder: 'e.g. #ff0000' },
	{ name: 'badge_icon', label: 'Badge Icon', type: 'string', placeholder: 'e.g. bi bi-star' },
	{ name: 'use_image_as_background', label: 'Use Image as Background', type: 'boolean', description: "Whether the group's image is shown as the background of its store card" },
];

/** parent_id 0 means top level ("none"); use_image_as_background counts by presence, so false is omitted. */
export function finaliseGroup(body: Record<string, unknown>): Record<string, unknown> {
	const out = { ...body };
	if (out.parent_id === 0 || out.parent_id === null) out.parent_id = 'none';
	if (out.use_image_as_background !== true) delete out.use_image_as_background;
	return out;
}
