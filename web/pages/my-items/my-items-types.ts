import type { ItemStream } from '../../../shared/items.ts';
import type { ItemState } from '../../../shared/workflow/items.ts';

export type ItemView = 'mine' | 'unit';

export interface MyItemFilters {
  [key: string]: string | number | boolean | undefined;
  view: ItemView;
  status?: ItemState;
  stream?: ItemStream;
  q?: string;
}
