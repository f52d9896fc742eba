import type { z } from 'zod';
import type { userAbilities } from '../../../shared/schemas/users.ts';

export type UserAbilities = z.infer<typeof userAbilities>;
