import { Alert, Button, Form, Modal, Radio, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  ISSUE_KIND_KEYS,
  ISSUE_KINDS,
  ISSUE_URGENCIES,
  ISSUE_URGENCY_KEYS,
  type IssueKind,
  type IssueUrgency,
} from '../../../shared/issues.ts';
import type { IssueCreate, IssueDetail } from '../../../shared/schemas/issues.ts';
import { api, type RecordResponse } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import type { PublicationView } from './publication-types.ts';

interface Props {
  /** The publication to compile an issue of; null when closed. */
  publication: PublicationView | null;
  onClose: () => void;
}

interface Values {
  kind: IssueKind;
  urgency: IssueUrgency;
}

/** Starts a new issue (正刊 or 增刊, with its urgency) and opens its compile board. */
export function NewIssueModal({ publication, onClose }: Props) {
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The title keeps its publication while the dialog animates closed.
  const last = useRef(publication);
  if (publication !== null) last.current = publication;
  const shown = last.current;

  useEffect(() => {
    if (publication !== null) form.setFieldsValue({ kind: 'regular', urgency: 'normal' });
  }, [publication, form]);

  const submit = async (values: Values) => {
    if (publication === null) return;
    setSaving(true);
    try {
      const body: IssueCreate = { publicationId: publication.id, ...values, itemIds: [] };
      const answer = await api.post<RecordResponse<IssueDetail>>('/issues', body);
      onClose();
      navigate(`/issues/${answer.data.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={shown ? `编排新一期：《${shown.name}》` : '编排新一期'}
      open={publication !== null}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid="new-issue-submit"
          >
            开始编排
          </Button>
        </Space>
      }
    >
      <Form
        name="new-issue"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'regular', urgency: 'normal' }}
      >
        <Form.Item name="kind" label="类别" extra="增刊另行编号（增刊第N期）">
          <Radio.Group
            optionType="button"
            options={ISSUE_KIND_KEYS.map((k) => ({ value: k, label: ISSUE_KINDS[k] }))}
            data-testid="new-issue-kind"
          />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Radio.Group
            optionType="button"
            options={ISSUE_URGENCY_KEYS.map((k) => ({ value: k, label: ISSUE_URGENCIES[k] }))}
            data-testid="new-issue-urgency"
          />
        </Form.Item>
      </Form>
      <Alert
        type="info"
        showIcon
        title={
          shown?.singleItem
            ? `《${shown.name}》每期编发一篇信息。新建后进入编排页面，选择编入本期的信息。`
            : '新建后进入编排页面，选择编入本期的信息、调整顺序并填写编者按。期号在签发时编定。'
        }
      />
    </Modal>
  );
}
