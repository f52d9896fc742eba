import { Typography } from 'antd';
import { colorOf } from './publication-types.ts';

interface Props {
  masthead: string;
  /** Six hex digits without `#`, as stored (C00000). */
  color: string;
  marking?: string;
  publisher?: string;
  /** Smaller, for the cards. */
  compact?: boolean;
}

const SONG = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "华文中宋", "SimSun", "宋体", serif';
const FALLBACK = '#BFBFBF';

/**
 * A sample of the red masthead (红头) as the issue prints it: the marking at the top left, the
 * masthead text in the publication's colour, and the rule under it in the same colour.
 */
export function MastheadSample({ masthead, color, marking, publisher, compact = false }: Props) {
  const valid = colorOf(color);
  const ink = valid ?? FALLBACK;
  const text = masthead.trim() || '报头文字';
  return (
    <div
      role="img"
      aria-label={`报头样式：${text}`}
      data-testid="masthead-sample"
      data-color={valid ?? ''}
      style={{
        background: '#fff',
        border: '1px solid #f0f0f0',
        padding: compact ? '8px 12px 10px' : '12px 20px 14px',
        overflow: 'hidden',
      }}
    >
      <div style={{ minHeight: 18, fontSize: 12, color: '#595959', fontFamily: SONG }}>{marking ?? ''}</div>
      <div
        style={{
          textAlign: 'center',
          color: ink,
          fontFamily: SONG,
          fontWeight: 700,
          fontSize: compact ? 28 : 36,
          lineHeight: 1.3,
          letterSpacing: text.length <= 6 ? '0.25em' : '0.05em',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {text}
      </div>
      {publisher !== undefined && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12, marginTop: 4, fontFamily: SONG }}
          ellipsis
        >
          {publisher || '编印单位'}
        </Typography.Text>
      )}
      <div style={{ borderTop: `2px solid ${ink}`, marginTop: 4 }} />
      {!valid && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          颜色值无效，暂以灰色显示
        </Typography.Text>
      )}
    </div>
  );
}
