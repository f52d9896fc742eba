import { type GetProps, Input } from 'antd';
import { handlePaste } from './paste.ts';

type TextProps = Omit<GetProps<typeof Input.TextArea>, 'value' | 'onChange' | 'onPaste'> & {
  value?: string;
  onChange?: (value: string) => void;
  'data-testid'?: string;
};

/** A text area for Form.Item that turns pasted Word text into clean paragraphs. */
export function PasteTextArea({ value = '', onChange, maxLength, ...rest }: TextProps) {
  return (
    <Input.TextArea
      {...rest}
      value={value}
      maxLength={maxLength}
      onChange={(e) => onChange?.(e.target.value)}
      onPaste={(e) => handlePaste(e, (next) => onChange?.(next), { maxLength })}
    />
  );
}

type LineProps = {
  value?: string;
  onChange?: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  disabled?: boolean;
  onBlur?: () => void;
  'data-testid'?: string;
};

/** A one-line input (the title) whose pasted text loses its line breaks and Word spacing. */
export function PasteLineInput({ value = '', onChange, maxLength, ...rest }: LineProps) {
  return (
    <Input
      {...rest}
      value={value}
      maxLength={maxLength}
      onChange={(e) => onChange?.(e.target.value)}
      onPaste={(e) => handlePaste(e, (next) => onChange?.(next), { maxLength, singleLine: true })}
    />
  );
}
