import { Segmented } from 'antd';

interface Props {
  orgs: readonly { id: number; name: string }[];
  value: number | undefined;
  onChange: (orgId: number) => void;
}

/** Picks one of the CPPCCs a page covers; nothing when there is only one. */
export function DeskSwitcher({ orgs, value, onChange }: Props) {
  if (orgs.length <= 1) return null;
  return (
    <Segmented
      value={value}
      onChange={(v) => onChange(Number(v))}
      options={orgs.map((o) => ({ value: o.id, label: o.name }))}
      data-testid="desk-switcher"
    />
  );
}
