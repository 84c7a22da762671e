// 台账导入 (REG-7): download the template, upload a filled-in ledger with upload progress, and
// see either what was imported or why nothing was, with the rejected rows to download and fix.
import { Link } from 'react-router-dom';
import { App, Button, Card, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { NotImported, xlsxType, type ImportOutcome } from '../../components/ImportOutcome.js';
import { useFileUpload, useTemplateDownload } from '../../components/useFileUpload.js';
import type { ImportResult } from '../../types.js';

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

/** The ledger takes Excel only. */
const xlsxFile = () => xlsxType;

/** The import page. */
export function ImportPage() {
  const { message } = App.useApp();
  const template = useTemplateDownload('/persons/import-template', '劳动力资源台账导入模板.xlsx');
  const { progress, uploading, fileName, outcome, upload } = useFileUpload<ImportResult>('/persons/import', xlsxFile);

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
          <Button icon={<DownloadOutlined />} loading={template.busy} onClick={() => void template.download()}>
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
        {progress !== null && (
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
