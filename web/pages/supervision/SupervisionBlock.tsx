import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type FeedbackView, feedbackApi } from '../item/feedback-api.ts';
import type { SupervisionView } from '../referrals/referrals-api.ts';
import { SupervisionCard, type SupervisionStep } from './SupervisionCard.tsx';
import { SupervisionCreateModal, SupervisionStepModal } from './SupervisionModals.tsx';

interface Props {
  itemId: number;
  supervisions: SupervisionView[];
  mayCreate: boolean;
  onChanged: () => void;
}

/** The item's follow-ups (督办), for the office: one per instruction (批示). */
export function SupervisionBlock({ itemId, supervisions, mayCreate, onChanged }: Props) {
  const [instructions, setInstructions] = useState<FeedbackView[]>([]);
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ s: SupervisionView; step: SupervisionStep } | null>(null);

  // Instructions not yet followed up: the ones a new 督办 may take.
  useEffect(() => {
    if (!mayCreate) return;
    const controller = new AbortController();
    const taken = new Set(supervisions.map((s) => s.instruction.id));
    feedbackApi.list(itemId, controller.signal).then(
      (a) =>
        setInstructions(a.data.filter((f) => f.kind === 'instruction' && !f.revoked && !taken.has(f.id))),
      () => setInstructions([]),
    );
    return () => controller.abort();
  }, [itemId, mayCreate, supervisions]);

  return (
    <div data-testid="item-supervisions">
      {supervisions.length === 0 && (
        <Typography.Text type="secondary">
          {instructions.length > 0
            ? '领导批示后，可立项督办，明确责任单位和期限。'
            : '登记领导批示后，可对批示立项督办。'}
        </Typography.Text>
      )}
      {supervisions.map((s, i) => (
        <SupervisionCard
          key={s.id}
          supervision={s}
          first={i === 0}
          onStep={(step) => setActing({ s, step })}
        />
      ))}
      {mayCreate && instructions.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="supervision-create"
          >
            立项督办
          </Button>
        </div>
      )}
      <SupervisionCreateModal
        open={creating}
        itemId={itemId}
        instructions={instructions}
        onClose={() => setCreating(false)}
        onDone={onChanged}
      />
      <SupervisionStepModal
        supervision={acting?.s ?? null}
        step={acting?.step ?? null}
        onClose={() => setActing(null)}
        onDone={onChanged}
      />
    </div>
  );
}
