// 台账导入 (REG-7): download the template, upload a filled-in ledger with upload progress, and
// see either what was imported or why nothing was, with the rejected rows to download and fix.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { downloadFile, uploadFile } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { importOutcomeOfError, NotImported, type ImportOutcome } from '../../components/ImportOutcome.js';
import type { ImportResult } from '../../types.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Outcome = ImportOutcome<ImportResult>;

/** Shows what came of the last upload. */
function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'imported') {
    const { rows, imported, unchanged } = outcome.result;
    return (
      <Result
        status="success"
        title={`导入完成：新增 ${imported} 人`}
        subTitle={`文件“${outcome.file}”共 ${rows} 行；${unchanged} 行的身份证号已在台账中，保持不变。`}
        extra={<Link to="/persons">查看人员台账</Link>}
      />
    );
  }
  return <NotImported outcome={outcome} downloadName="未导入的行.xlsx" lineTitle="Excel 行号" pageSize={20} testId="import-rejected" />;
}

/** The import page. */
export function ImportPage() {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const [fileName, setFileName] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadFile('/persons/import-template', {}, '劳动力资源台账导入模板.xlsx');
    } catch (err) {
      message.error(`下载失败：${errorText(err)}`);
    } finally {
      setTemplateBusy(false);
    }
  };

  const upload = async (file: File) => {
    setFileName(file.name);
    setOutcome(null);
    setProgress(0);
    try {
      const result = await uploadFile<ImportResult>('/persons/import', file, { contentType: xlsxType, onProgress: setProgress });
      setOutcome({ kind: 'imported', file: file.name, result });
    } catch (err) {
      setOutcome(importOutcomeOfError(file.name, err));
    } finally {
      setProgress(null);
    }
  };

  const uploading = progress !== null;
  return (
    <Card title="台账导入（劳动力资源台账）">
      <Steps
        style={{ marginBottom: 24, maxWidth: 900 }}
        current={outcome?.kind === 'imported' ? 3 : uploading || outcome ? 2 : 0}
        items={[
          { title: '下载模板', content: '按模板列填写，每人一行' },
          { title: '上传文件', content: '.xlsx，全部有效才导入' },
          { title: '查看结果', content: '有误的行下载后改正再传' },
        ]}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 900 }}>
        <Space wrap>
          <Typography.Text strong>第一步：</Typography.Text>
          <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void downloadTemplate()}>
            下载导入模板
          </Button>
          <Typography.Text type="secondary">
            居住社区填 12 位区划代码；已在台账中的身份证号不会重复导入，同一文件可放心重传。
          </Typography.Text>
        </Space>
        <Typography.Text strong>第二步：上传填好的文件</Typography.Text>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            if (!file.name.toLowerCase().endsWith('.xlsx')) {
              message.error('请上传 .xlsx 格式的 Excel 文件');
              return Upload.LIST_IGNORE;
            }
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将填好的 Excel 文件拖到此处上传</p>
          <p className="ant-upload-hint">只接受 .xlsx 文件；任何一行有误则整份文件都不导入</p>
        </Upload.Dragger>
        {uploading && (
          <div data-testid="upload-progress">
            <Typography.Text>{progress < 100 ? `正在上传“${fileName}”…` : `“${fileName}”已上传，正在校验和导入…`}</Typography.Text>
            <Progress percent={progress} status="active" />
          </div>
        )}
        {outcome && <OutcomeView outcome={outcome} />}
      </Space>
    </Card>
  );
}
