import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { ApiError } from '../../api/client.ts';
import { ReferralCard, type ReferralStep } from '../referrals/ReferralCard.tsx';
import { ReferralCreateModal } from '../referrals/ReferralCreateModal.tsx';
import { ReferralStepModal } from '../referrals/ReferralStepModal.tsx';
import {
  type ReferralView,
  referralApi,
  type SupervisionView,
  supervisionApi,
} from '../referrals/referrals-api.ts';
import { SupervisionBlock } from '../supervision/SupervisionBlock.tsx';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | {
      state: 'ready';
      referrals: ReferralView[];
      create: boolean;
      supervisions: SupervisionView[];
      supervise: boolean;
    };

/**
 * 交办与办复 on the item page: the departments the item was referred to, their signing and
 * replies and the office's reviews, for everyone who reads the item; the office's actions; and,
 * for the office, the follow-ups (督办) of the item's instructions.
 */
export function ItemReferrals({ item, onChanged }: { item: ItemDetail; onChanged: () => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ referral: ReferralView; step: ReferralStep } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh copy
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      referralApi.ofItem(item.id, controller.signal),
      supervisionApi.ofItem(item.id, controller.signal),
    ]).then(
      ([r, s]) =>
        setLoad({
          state: 'ready',
          referrals: r.data,
          create: r.abilities.create,
          supervisions: s.data,
          supervise: s.abilities.create,
        }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({
          state: 'failed',
          message: error instanceof ApiError ? error.message : '加载失败，请稍后再试',
        });
      },
    );
    return () => controller.abort();
  }, [item.id, reloadKey]);

  const changed = useCallback(() => {
    setReloadKey((k) => k + 1);
    onChanged();
  }, [onChanged]);

  // Nothing to show (most readers): no card at all, not even a placeholder while it loads.
  if (load.state === 'loading') return null;
  if (load.state === 'ready' && load.referrals.length === 0 && !load.create && load.supervisions.length === 0)
    return null;
  const live = load.state === 'ready' ? load.referrals.filter((r) => r.state !== 'revoked').length : 0;

  return (
    <div id="referrals" style={{ marginTop: 16, scrollMarginTop: 72 }} data-testid="item-referrals">
      <Card
        title={`交办与办复${live > 0 ? `（${live}）` : ''}`}
        styles={{ body: { padding: 16 } }}
        extra={
          load.state === 'ready' &&
          load.create && (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="referral-create"
            >
              交办
            </Button>
          )
        }
      >
        {load.state === 'failed' && (
          <Alert type="warning" showIcon title={`交办情况加载失败：${load.message}`} />
        )}
        {load.state === 'ready' && (
          <>
            {load.referrals.length === 0 && (
              <Typography.Text type="secondary" data-testid="referrals-empty">
                尚未交办。需要有关部门研究办理的，可交办承办单位，限期办复。
              </Typography.Text>
            )}
            {load.referrals.map((r, i) => (
              <ReferralCard
                key={r.id}
                referral={r}
                first={i === 0}
                onStep={(step) => setActing({ referral: r, step })}
                onUploaded={changed}
              />
            ))}
            {(load.supervise || load.supervisions.length > 0) && (
              <>
                <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
                  督办
                </Divider>
                <SupervisionBlock
                  itemId={item.id}
                  supervisions={load.supervisions}
                  mayCreate={load.supervise}
                  onChanged={changed}
                />
              </>
            )}
          </>
        )}
      </Card>
      {load.state === 'ready' && load.create && (
        <ReferralCreateModal
          open={creating}
          itemId={item.id}
          suggestedOrgId={item.status === 'referred' ? (item.referOrg?.id ?? null) : null}
          onClose={() => setCreating(false)}
          onSaved={changed}
        />
      )}
      <ReferralStepModal
        referral={acting?.referral ?? null}
        step={acting?.step ?? null}
        onClose={() => setActing(null)}
        onDone={changed}
      />
    </div>
  );
}
