import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Spin, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, type ReactNode, useMemo, useState } from 'react';
import { ORG_TYPES } from '../../../shared/orgs.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { buildOrgTree, type OrgNode } from '../../components/org-tree.ts';
import { OrgFormModal, type OrgFormMode } from './OrgFormModal.tsx';

const ROOT_MODE: OrgFormMode = { kind: 'create', parent: null };

interface Props {
  orgs: OrgView[];
  loading: boolean;
  canCreate: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onCreated: (org: OrgView) => void;
}

function titleOf(org: OrgView): ReactNode {
  return (
    <span>
      <span style={org.active ? undefined : { color: '#999', textDecoration: 'line-through' }}>
        {org.name}
      </span>{' '}
      <Tag style={{ marginInlineEnd: 4 }}>{ORG_TYPES[org.type]}</Tag>
      {!org.active && <Tag color="default">停用</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {org.memberCount}人
      </Typography.Text>
    </span>
  );
}

/** Nodes whose name matches, with their ancestors; every kept node's key goes to `keys`. */
function filterTree(nodes: OrgNode[], text: string, keys: number[]): TreeDataNode[] {
  const result: TreeDataNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, text, keys);
    const match = !text || node.org.name.includes(text) || node.org.shortName.includes(text);
    if (match || children.length > 0) {
      keys.push(node.org.id);
      result.push({ key: node.org.id, title: titleOf(node.org), children });
    }
  }
  return result;
}

export function OrgTreePanel({ orgs, loading, canCreate, selectedId, onSelect, onCreated }: Props) {
  const [search, setSearch] = useState('');
  const [creatingRoot, setCreatingRoot] = useState(false);
  const roots = useMemo(() => buildOrgTree(orgs), [orgs]);
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const text = search.trim();
  const { treeData, matchedKeys } = useMemo(() => {
    const keys: number[] = [];
    return { treeData: filterTree(roots, text, keys), matchedKeys: keys };
  }, [roots, text]);
  // Until the user expands or collapses: the top two levels open.
  const defaultExpanded = roots.flatMap((root) => [
    root.org.id,
    ...root.children.map((child) => child.org.id),
  ]);
  const expandedKeys = text ? matchedKeys : (expanded ?? defaultExpanded);

  return (
    <Card
      title="组织机构"
      extra={
        canCreate &&
        orgs.length === 0 &&
        !loading && (
          <Button icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)}>
            新建顶级组织
          </Button>
        )
      }
    >
      <Input.Search
        placeholder="按名称查找组织"
        allowClear
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      <Spin spinning={loading}>
        {treeData.length === 0 ? (
          <Empty description={text ? '没有名称匹配的组织' : '暂无组织'} />
        ) : (
          <Tree
            treeData={treeData}
            blockNode
            showLine
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys)}
            selectedKeys={selectedId === null ? [] : [selectedId]}
            onSelect={(_, info) => onSelect(Number(info.node.key))}
            data-testid="org-tree"
          />
        )}
      </Spin>
      {creatingRoot && (
        <OrgFormModal
          mode={ROOT_MODE}
          onClose={() => setCreatingRoot(false)}
          onSaved={(org) => {
            setCreatingRoot(false);
            onCreated(org);
          }}
        />
      )}
    </Card>
  );
}
