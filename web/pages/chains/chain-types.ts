import type { z } from 'zod';
import type { StepMode } from '../../../shared/issues.ts';
import type { ChainView, rulesView, Signer } from '../../../shared/schemas/issues.ts';
import type { PostView } from '../../../shared/schemas/posts.ts';

export type { ChainView, PostView };
export type RulesView = z.infer<typeof rulesView>;

/** A person who may sign this CPPCC's issues (GET /issue-signers). */
export interface SignerPerson {
  id: number;
  name: string;
  onDuty: boolean;
}

/** A signer as a select value: `post:12` or `user:5`. */
export type SignerKey = `post:${number}` | `user:${number}`;

export function signerKey(signer: Signer): SignerKey {
  return signer.type === 'post' ? `post:${signer.postId}` : `user:${signer.userId}`;
}

export function signerOf(key: string): Signer | null {
  const match = /^(post|user):(\d+)$/.exec(key);
  if (!match) return null;
  const id = Number(match[2]);
  return match[1] === 'post' ? { type: 'post', postId: id } : { type: 'user', userId: id };
}

/** As the server labels a post signer: 信息处处长岗（A岗张三，B岗李四）. */
export function postLabel(post: Pick<PostView, 'name' | 'holderA' | 'holderB'>): string {
  return `${post.name}（A岗${post.holderA.name}，B岗${post.holderB.name}）`;
}

/** What each mode means for the signers of one step. */
export const STEP_MODE_HINTS: Record<StepMode, string> = {
  single: '任一审签人签署后即转入下一环节',
  sequential: '审签人按所列顺序逐一签署',
  all: '全部审签人签署后方转入下一环节',
};

/** Modes that need at least two signers (the server checks the same). */
export function minSigners(mode: StepMode | undefined): number {
  return mode === 'sequential' || mode === 'all' ? 2 : 1;
}
