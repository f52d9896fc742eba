import { Typography } from 'antd';

interface Props {
  count: number;
  guide: number;
  max: number;
}

/** The live length against the office's guide (建议不超过…字) and the hard limit. */
export function CharCounter({ count, guide, max }: Props) {
  const over = count > max;
  const long = count > guide;
  const color = over ? '#cf1322' : long ? '#d46b08' : undefined;
  return (
    <div data-testid="char-count" data-count={count} style={{ fontSize: 13 }}>
      <Typography.Text style={{ color }}>
        正文 <strong>{count}</strong> 字
      </Typography.Text>
      <Typography.Text type="secondary">（建议不超过{guide}字）</Typography.Text>
      {over ? (
        <Typography.Text style={{ color }}>已超过上限{max}字，请精简后再报送</Typography.Text>
      ) : long ? (
        <Typography.Text style={{ color }}>篇幅偏长，建议精简</Typography.Text>
      ) : null}
    </div>
  );
}
