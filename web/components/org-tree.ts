import type { OrgView } from '../../shared/schemas/orgs.ts';

export interface OrgNode {
  org: OrgView;
  children: OrgNode[];
}

const byOrder = (a: OrgNode, b: OrgNode) => a.org.sortOrder - b.org.sortOrder || a.org.id - b.org.id;

/**
 * The flat list as a tree. An organisation whose parent the user cannot see (outside their
 * data scope) becomes a root.
 */
export function buildOrgTree(orgs: readonly OrgView[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(orgs.map((org) => [org.id, { org, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId === null ? undefined : nodes.get(node.org.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort(byOrder);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The organisation and all below it. */
export function subtreeIds(orgs: readonly OrgView[], rootId: number): Set<number> {
  const ids = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of orgs) {
      if (org.parentId !== null && ids.has(org.parentId) && !ids.has(org.id)) {
        ids.add(org.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function orgLabel(org: OrgView): string {
  return org.active ? org.name : `${org.name}（已停用）`;
}

export interface OrgSelectNode {
  value: number;
  key: number;
  title: string;
  disabled?: boolean;
  children: OrgSelectNode[];
}

export function toSelectTree(
  nodes: readonly OrgNode[],
  isDisabled?: (org: OrgView) => boolean,
): OrgSelectNode[] {
  return nodes.map((node) => ({
    value: node.org.id,
    key: node.org.id,
    title: orgLabel(node.org),
    disabled: isDisabled?.(node.org) ?? false,
    children: toSelectTree(node.children, isDisabled),
  }));
}
