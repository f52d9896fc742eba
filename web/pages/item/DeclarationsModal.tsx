import { Alert, Button, Checkbox, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ITEM_DECLARATION_KEYS, ITEM_DECLARATIONS, type ItemDeclaration } from '../../../shared/items.ts';

interface Props {
  open: boolean;
  /** 报送 or 修改后重新报送. */
  title: string;
  submitting: boolean;
  onCancel: () => void;
  onConfirm: (declarations: ItemDeclaration[]) => void;
}

/** The author confirms, item by item, that the piece is information work and nothing else. */
export function DeclarationsModal({ open, title, submitting, onCancel, onConfirm }: Props) {
  const [checked, setChecked] = useState<ItemDeclaration[]>([]);
  useEffect(() => {
    if (open) setChecked([]);
  }, [open]);
  const all = checked.length === ITEM_DECLARATION_KEYS.length;

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          返回
        </Button>,
        <Button
          key="ok"
          type="primary"
          disabled={!all}
          loading={submitting}
          onClick={() => onConfirm(checked)}
          data-testid="declarations-confirm"
        >
          确认报送
        </Button>,
      ]}
    >
      <Typography.Paragraph>报送前请逐项确认，本信息：</Typography.Paragraph>
      <Checkbox.Group
        value={checked}
        onChange={(values) => setChecked(values as ItemDeclaration[])}
        style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
        data-testid="declarations"
      >
        {ITEM_DECLARATION_KEYS.map((key) => (
          <Checkbox key={key} value={key} data-testid={`declaration-${key}`}>
            {ITEM_DECLARATIONS[key]}
          </Checkbox>
        ))}
      </Checkbox.Group>
      <div style={{ marginTop: 12 }}>
        <Checkbox
          checked={all}
          indeterminate={checked.length > 0 && !all}
          onChange={(e) => setChecked(e.target.checked ? [...ITEM_DECLARATION_KEYS] : [])}
          data-testid="declaration-all"
        >
          以上各项均已确认
        </Checkbox>
      </div>
      {!all && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title="六项均确认后方可报送。属于信访、诉讼、人事等事项的，请通过相应渠道反映。"
        />
      )}
    </Modal>
  );
}
