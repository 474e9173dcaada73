import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { OrgSummary } from '@tongxin/contracts';
import { Empty, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { fetchChildren, orgKeys, useOrgRoots } from './api';
import { orgMessages as m } from './messages';

interface Props {
  selectedId: string | undefined;
  /** Ancestors of the selected org, top first: expanded so the selection is in view. */
  expandTo: string[];
  onSelect: (id: string) => void;
}

/** The lazy org tree: roots first, each level's children fetched when it is opened. */
export function OrgTree({ selectedId, expandTo, onSelect }: Props) {
  const queryClient = useQueryClient();
  const roots = useOrgRoots();
  const [expanded, setExpanded] = useState<string[]>([]);
  const [requested, setRequested] = useState<string[]>([]);
  const children = useQueries({
    queries: requested.map((id) => ({ queryKey: orgKeys.children(id), queryFn: () => fetchChildren(id) })),
  });

  const expandKey = expandTo.join('/');
  // biome-ignore lint/correctness/useExhaustiveDependencies: expandKey stands for expandTo's content
  useEffect(() => {
    if (!expandTo.length) return;
    setExpanded((prev) => [...new Set([...prev, ...expandTo])]);
    setRequested((prev) => [...new Set([...prev, ...expandTo])]);
  }, [expandKey]);

  const childData = children.map((c) => c.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: childData changes identity every render; its items do not
  const treeData = useMemo(() => {
    const byParent = new Map<string, OrgSummary[]>();
    requested.forEach((id, i) => {
      const items = childData[i];
      if (items) byParent.set(id, items);
    });
    const build = (o: OrgSummary): TreeDataNode => {
      const kids = byParent.get(o.id);
      return {
        key: o.id,
        title: (
          <span data-testid="org-tree-node" style={o.status === 'archived' ? { color: '#999' } : undefined}>
            {o.name}
            {o.status === 'archived' && <span style={{ fontSize: 12 }}>（{m.archived}）</span>}
          </span>
        ),
        isLeaf: o.childCount === 0 && !kids?.length,
        ...(kids ? { children: kids.map(build) } : {}),
      };
    };
    return (roots.data ?? []).map(build);
  }, [roots.data, requested, ...childData]);

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (roots.error) return <Typography.Text type="danger">{roots.error.message}</Typography.Text>;
  if (!treeData.length) return <Empty description={m.treeEmpty} />;

  return (
    <Tree
      className="tx-org-tree"
      blockNode
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        const id = String(node.key);
        setRequested((prev) => (prev.includes(id) ? prev : [...prev, id]));
        await queryClient.ensureQueryData({ queryKey: orgKeys.children(id), queryFn: () => fetchChildren(id) });
      }}
      onSelect={(keys) => {
        const id = keys[0];
        if (id !== undefined) onSelect(String(id));
      }}
    />
  );
}
