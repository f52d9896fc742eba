import { Button, Card, Col, Result, Row, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ItemStream } from '../../../shared/items.ts';
import { ApiError } from '../../api/client.ts';
import { ItemContentView } from '../item/ItemContentView.tsx';
import { ReferralCard, type ReferralStep } from './ReferralCard.tsx';
import { ReferralStepModal } from './ReferralStepModal.tsx';
import { type ReferralItemText, type ReferralView, referralApi } from './referrals-api.ts';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; status: number; message: string }
  | { state: 'ready'; referral: ReferralView; text: ReferralItemText };

/** One referral for its department (or the office): the item's text, the task and its steps. */
export function ReferralPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [step, setStep] = useState<ReferralStep | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh copy
  useEffect(() => {
    const controller = new AbortController();
    referralApi.get(id, controller.signal).then(
      (a) => setLoad({ state: 'ready', referral: a.data, text: a.text }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({
          state: 'failed',
          status: error instanceof ApiError ? error.status : 0,
          message: error instanceof ApiError ? error.message : '加载失败，请稍后再试',
        });
      },
    );
    return () => controller.abort();
  }, [id, reloadKey]);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  if (load.state === 'loading')
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  if (load.state === 'failed')
    return (
      <Result
        status={load.status === 404 ? '404' : 'warning'}
        title={load.status === 404 ? '交办件不存在或您无权查看' : '交办件加载失败'}
        subTitle={load.status === 404 ? undefined : load.message}
        extra={<Button onClick={() => navigate('/referrals')}>返回交办件</Button>}
      />
    );
  const { referral: r, text } = load;
  return (
    <Row gutter={[16, 16]} data-testid="referral-page">
      <Col xs={24} lg={10}>
        <Card title="交办与办复" styles={{ body: { padding: 16 } }}>
          <ReferralCard referral={r} onStep={setStep} onUploaded={reload} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={
            <Typography.Text style={{ whiteSpace: 'normal' }}>
              {r.item.number ? `${r.item.number}　` : ''}
              {r.item.title}
            </Typography.Text>
          }
          styles={{ body: { padding: 16 } }}
        >
          <ItemContentView content={text} stream={text.stream as ItemStream} />
        </Card>
      </Col>
      <ReferralStepModal
        referral={step ? r : null}
        step={step}
        onClose={() => setStep(null)}
        onDone={reload}
      />
    </Row>
  );
}
