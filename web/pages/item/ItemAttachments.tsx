import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { attachmentSchema } from '../../../shared/schemas/items.ts';
import { api, type DataResponse } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { type ItemSettings, itemApi } from './item-api.ts';
import { formatSize } from './item-labels.ts';

export type Attachment = z.infer<typeof attachmentSchema>;

interface Props {
  /** null while the draft has not reached the server yet. */
  itemId: number | null;
  attachments: readonly Attachment[];
  editable: boolean;
  settings: ItemSettings | null;
  onChange?: (next: Attachment[]) => void;
}

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** Files that go with the item: downloadable by whoever sees it, added and removed by the author. */
export function ItemAttachments({ itemId, attachments, editable, settings, onChange }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [uploading, setUploading] = useState(false);
  const max = settings?.maxAttachments ?? 0;
  const types = settings?.attachmentTypes ?? [];

  const check = (file: File): string | null => {
    if (attachments.length >= max) return `每条信息最多上传${max}个附件`;
    if (types.length > 0 && !types.includes(extensionOf(file.name)))
      return `不支持该文件类型，允许的类型：${types.join('、')}`;
    if (settings && file.size > settings.maxAttachmentMb * 1024 * 1024)
      return `单个附件不能超过${settings.maxAttachmentMb}MB`;
    return null;
  };

  const upload = async (file: File) => {
    if (itemId === null) return;
    const problem = check(file);
    if (problem) {
      message.error(problem);
      return;
    }
    const form = new FormData();
    form.append('file', file);
    setUploading(true);
    try {
      const answer = await api.upload<DataResponse<Attachment>>(`/items/${itemId}/attachments`, form);
      onChange?.([...attachments, answer.data]);
      message.success(`附件“${answer.data.fileName}”已上传`);
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  };

  const remove = async (attachment: Attachment) => {
    if (itemId === null) return;
    try {
      await api.delete(`/items/${itemId}/attachments/${attachment.id}`);
      onChange?.(attachments.filter((a) => a.id !== attachment.id));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <div data-testid="item-attachments">
      {attachments.length === 0 && !editable && <Typography.Text type="secondary">无附件</Typography.Text>}
      {attachments.map((a) => (
        <div
          key={a.id}
          style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0', flexWrap: 'wrap' }}
          data-testid="attachment-row"
        >
          <PaperClipOutlined />
          <Typography.Link
            href={itemId === null ? undefined : itemApi.attachmentUrl(itemId, a.id)}
            download={a.fileName}
            style={{ wordBreak: 'break-all' }}
          >
            {a.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(a.size)} · {formatDateTime(a.createdAt)}
          </Typography.Text>
          {editable && (
            <Popconfirm
              title={`删除附件“${a.fileName}”？`}
              okText="删除"
              cancelText="取消"
              onConfirm={() => remove(a)}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除附件" />
            </Popconfirm>
          )}
        </div>
      ))}
      {editable && (
        <div style={{ marginTop: 4 }}>
          <Upload
            showUploadList={false}
            multiple={false}
            accept={types.map((t) => `.${t}`).join(',') || undefined}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            disabled={itemId === null || uploading || attachments.length >= max}
          >
            <Button
              icon={<UploadOutlined />}
              loading={uploading}
              disabled={itemId === null || attachments.length >= max}
              data-testid="attachment-upload"
            >
              添加附件
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
            {itemId === null
              ? '草稿保存到服务器后即可添加附件。'
              : `最多${max}个，单个不超过${settings?.maxAttachmentMb ?? 0}MB${types.length > 0 ? `，支持${types.join('、')}` : ''}。`}
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
