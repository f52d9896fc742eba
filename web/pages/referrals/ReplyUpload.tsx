import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../components/use-notify.ts';
import { REPLY_MAX_FILE_MB, REPLY_MAX_FILES, referralApi } from './referrals-api.ts';

/** Adds one scan (办复函) to the latest reply; the server checks type and content again. */
export function ReplyUpload({
  referralId,
  count,
  onUploaded,
}: {
  referralId: number;
  count: number;
  onUploaded: () => void;
}) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [uploading, setUploading] = useState(false);
  const full = count >= REPLY_MAX_FILES;

  const upload = async (file: File) => {
    if (file.size > REPLY_MAX_FILE_MB * 1024 * 1024) {
      message.error(`单个附件不能超过${REPLY_MAX_FILE_MB}MB`);
      return;
    }
    setUploading(true);
    try {
      const answer = await referralApi.upload(referralId, file);
      message.success(`扫描件“${answer.data.fileName}”已上传`);
      onUploaded();
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
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
      disabled={uploading || full}
    >
      <Button
        size="small"
        icon={<UploadOutlined />}
        loading={uploading}
        disabled={full}
        data-testid="referral-upload"
      >
        {full ? `已达${REPLY_MAX_FILES}个上限` : '上传办复函扫描件'}
      </Button>
    </Upload>
  );
}
