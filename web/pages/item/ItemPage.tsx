import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { FEEDBACK_STATES } from '../../../shared/feedback.ts';
import { ItemActions } from './ItemActions.tsx';
import { ItemAttachments } from './ItemAttachments.tsx';
import { type ContentAction, ItemContentEdit } from './ItemContentEdit.tsx';
import { ItemContentView } from './ItemContentView.tsx';
import { ItemDisclosureCard } from './ItemDisclosure.tsx';
import { ItemFeedbackCard } from './ItemFeedback.tsx';
import { ItemHeader } from './ItemHeader.tsx';
import { ItemMeta } from './ItemMeta.tsx';
import { ItemReferrals } from './ItemReferrals.tsx';
import { ItemScoreCard } from './ItemScoreCard.tsx';
import { ItemSteps } from './ItemSteps.tsx';
import { ItemTimeline } from './ItemTimeline.tsx';
import { ItemVersions } from './ItemVersions.tsx';
import { useItem } from './use-item.ts';
import { useItemSettings } from './use-item-refs.ts';

/** One item for everyone who may see it: where it stands, its text and versions, what may be done next. */
export function ItemPage() {
  const params = useParams();
  const navigate = useNavigate();
  const id = Number(params.id);
  const { load, reload, replace } = useItem(id);
  const { settings } = useItemSettings();
  const [editing, setEditing] = useState<ContentAction | null>(null);

  if (load.state === 'missing')
    return (
      <div data-testid="item-not-found">
        <Result
          status="404"
          title="信息不存在或您无权查看"
          subTitle="该信息可能已被删除，或不在您的查看范围内。"
          extra={
            <Button type="primary" onClick={() => navigate('/')}>
              返回工作台
            </Button>
          }
        />
      </div>
    );
  if (load.state === 'failed')
    return (
      <Result
        status="warning"
        title="信息加载失败"
        subTitle={load.message}
        extra={<Button onClick={reload}>重新加载</Button>}
      />
    );
  if (load.state === 'loading')
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );

  const { data: item, abilities } = load.record;
  const canRevise = abilities.saveDraft && (item.status === 'draft' || item.status === 'returned');

  return (
    <Row gutter={[16, 16]} data-testid="item-page" data-item-id={item.id}>
      <Col span={24}>
        <Card styles={{ body: { padding: 16 } }}>
          <ItemHeader item={item} />
          <div style={{ marginTop: 16 }}>
            <ItemSteps item={item} />
          </div>
          {item.status === 'returned' && item.lastReason && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="item-return-reason"
              title="退回修改"
              description={`理由：${item.lastReason}`}
            />
          )}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 16 }}>
            {canRevise && (
              <Button
                icon={<EditOutlined />}
                type={item.status === 'returned' ? 'primary' : 'default'}
                onClick={() => navigate(`/my-items/${item.id}/edit`)}
                data-testid="item-revise"
              >
                {item.status === 'returned' ? '修改稿件' : '继续修改'}
              </Button>
            )}
            <ItemActions
              item={item}
              abilities={{
                ...abilities,
                actions: canRevise ? abilities.actions.filter((a) => a !== 'resubmit') : abilities.actions,
              }}
              editing={editing !== null}
              onChanged={replace}
              onReload={reload}
              onStartEdit={setEditing}
            />
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        {(FEEDBACK_STATES as readonly string[]).includes(item.status) && (
          <div style={{ marginBottom: 16 }}>
            <ItemFeedbackCard
              key={item.id}
              item={item}
              uploadTypes={settings?.attachmentTypes ?? []}
              onChanged={reload}
            />
            <div style={{ marginTop: 16 }}>
              <ItemScoreCard itemId={item.id} refreshKey={`${item.version}-${item.events.length}`} />
            </div>
            <ItemDisclosureCard item={item} onChanged={reload} />
            <ItemReferrals key={`referrals-${item.id}`} item={item} onChanged={reload} />
          </div>
        )}
        <Card
          title={editing === 'revise' ? '修改拟用稿' : editing === 'edit' ? '编辑加工' : '稿件内容'}
          styles={{ body: { padding: 16 } }}
        >
          {editing ? (
            <ItemContentEdit
              item={item}
              action={editing}
              onSaved={(record) => {
                replace(record);
                setEditing(null);
              }}
              onLatest={replace}
              onClose={() => setEditing(null)}
            />
          ) : (
            <ItemContentView content={item} stream={item.stream} />
          )}
        </Card>
        <Card title="版本记录" style={{ marginTop: 16 }} styles={{ body: { padding: 16 } }}>
          <ItemVersions item={item} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title="基本信息" styles={{ body: { padding: 16 } }}>
          <ItemMeta item={item} />
        </Card>
        <Card title="附件" style={{ marginTop: 16 }} styles={{ body: { padding: 16 } }}>
          <ItemAttachments
            itemId={item.id}
            attachments={item.attachments}
            editable={abilities.attach}
            settings={settings}
            onChange={reload}
          />
        </Card>
        <Card title="办理记录" style={{ marginTop: 16 }} styles={{ body: { padding: 16 } }}>
          <ItemTimeline events={item.events} />
        </Card>
      </Col>
    </Row>
  );
}
