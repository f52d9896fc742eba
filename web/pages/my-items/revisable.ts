import type { ItemSummary } from '../../../shared/schemas/items.ts';
import { AUTHOR_EDITABLE_STATES } from '../../../shared/workflow/items.ts';

/** The author may still change the text (a draft, or returned for revision). */
export const revisable = (item: Pick<ItemSummary, 'status'>) => AUTHOR_EDITABLE_STATES.includes(item.status);
