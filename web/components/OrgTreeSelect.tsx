import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { OrgView } from '../../shared/schemas/orgs.ts';
import { buildOrgTree, toSelectTree } from './org-tree.ts';

type Props = Omit<TreeSelectProps<number>, 'treeData'> & {
  orgs: readonly OrgView[];
  /** Organisations shown but not selectable (e.g. external recipients for memberships). */
  isDisabled?: (org: OrgView) => boolean;
};

/** Pick one organisation from the tree, searchable by name. */
export function OrgTreeSelect({ orgs, isDisabled, ...rest }: Props) {
  const roots = useMemo(() => buildOrgTree(orgs), [orgs]);
  const treeData = useMemo(() => toSelectTree(roots, isDisabled), [roots, isDisabled]);
  return (
    <TreeSelect<number>
      treeData={treeData}
      showSearch
      treeNodeFilterProp="title"
      placeholder="请选择组织"
      treeDefaultExpandedKeys={roots.map((node) => node.org.id)}
      popupMatchSelectWidth={false}
      {...rest}
    />
  );
}
