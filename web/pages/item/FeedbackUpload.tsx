import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../components/use-notify.ts';
import { FEEDBACK_MAX_FILE_MB, FEEDBACK_MAX_FILES, type FeedbackFile, feedbackApi } from './feedback-api.ts';

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

interface Props {
  feedbackId: number;
  /** Files the record already has. */
  count: number;
  /** Allowed extensions (the attachment whitelist); empty: left to the server. */
  types: readonly string[];
  onUploaded: (file: FeedbackFile) => void;
  size?: 'small' | 'middle';
}

/** Adds one scan (批示件、采用通知) to a feedback record; the server checks type and content again. */
export function FeedbackUpload({ feedbackId, count, types, onUploaded, size }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [uploading, setUploading] = useState(false);
  const full = count >= FEEDBACK_MAX_FILES;

  const upload = async (file: File) => {
    const problem =
      count >= FEEDBACK_MAX_FILES
        ? `每条反馈记录最多上传${FEEDBACK_MAX_FILES}个附件`
        : types.length > 0 && !types.includes(extensionOf(file.name))
          ? `不支持该文件类型，允许的类型：${types.join('、')}`
          : file.size > FEEDBACK_MAX_FILE_MB * 1024 * 1024
            ? `单个附件不能超过${FEEDBACK_MAX_FILE_MB}MB`
            : null;
    if (problem) {
      message.error(problem);
      return;
    }
    setUploading(true);
    try {
      const answer = await feedbackApi.upload(feedbackId, file);
      onUploaded(answer.data);
      message.success(`扫描件“${answer.data.fileName}”已上传`);
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Upload
      showUploadList={false}
      multiple={false}
      accept={types.map((t) => `.${t}`).join(',') || undefined}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
      disabled={uploading || full}
    >
      <Button
        size={size}
        icon={<UploadOutlined />}
        loading={uploading}
        disabled={full}
        data-testid="feedback-upload"
      >
        {full ? `已达${FEEDBACK_MAX_FILES}个上限` : '上传扫描件'}
      </Button>
    </Upload>
  );
}
