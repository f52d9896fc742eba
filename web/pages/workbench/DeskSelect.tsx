import { Alert, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { type Ref, refOptions } from '../../components/use-desk-data.ts';

/**
 * The desk (a CPPCC's information office) a screen works on, kept in the address (`?desk=`) so a
 * reload stays on it; the first desk by default.
 */
export function useDeskChoice(desks: readonly Ref[]) {
  const [params, setParams] = useSearchParams();
  const wanted = Number(params.get('desk'));
  const desk = desks.find((d) => d.id === wanted) ?? desks[0];
  const choose = (id: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('desk', String(id));
        return next;
      },
      { replace: true },
    );
  return { desk, choose };
}

interface Props {
  desks: readonly Ref[];
  loading: boolean;
  value: Ref | undefined;
  onChange: (id: number) => void;
}

/** A select when the user works several desks, the desk's name when only one. */
export function DeskSelect({ desks, loading, value, onChange }: Props) {
  if (!loading && desks.length === 0)
    return (
      <Alert
        type="info"
        showIcon
        title="您尚未在任何政协信息部门承担信息处理工作"
        description="岗位、请假和值班按政协信息部门管理。如需使用，请联系安全管理员授予本级政协的信息处编辑或信息处处长角色。"
        style={{ marginBottom: 12 }}
      />
    );
  if (desks.length <= 1)
    return (
      <Typography.Text strong style={{ alignSelf: 'center' }}>
        {value?.name ?? ''}
      </Typography.Text>
    );
  return (
    <Select<number>
      value={value?.id}
      options={refOptions(desks)}
      onChange={onChange}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
      data-testid="desk-select"
    />
  );
}
