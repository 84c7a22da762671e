// 导入征缴文件 (UI-1): the UI officer downloads the template, uploads the collector's monthly file
// (.xlsx or CSV, UTF-8 or GBK) and sees either how many contribution records were stored and how
// many were already there, or why nothing was stored, with the rejected rows to download and fix.
// Modelled on the ledger's import page (pages/import/ImportPage.tsx).
import { useState } from 'react';
import { App, Button, Modal, Progress, Result, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { NotImported, xlsxType, type ImportOutcome } from '../../components/ImportOutcome.js';
import { useFileUpload, useTemplateDownload } from '../../components/useFileUpload.js';

interface ImportResult {
  rows: number;
  inserted: number;
  unchanged: number;
}

type Outcome = ImportOutcome<ImportResult>;

function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'imported') {
    const { rows, inserted, unchanged } = outcome.result;
    return (
      <Result
        status="success"
        title={`导入完成：新增 ${inserted} 条缴费记录`}
        subTitle={`文件“${outcome.file}”共 ${rows} 行；${unchanged} 行此前已记录（金额相同），保持不变。新增记录的缴费收入已记入基金台账。`}
        data-testid="contributions-import-done"
      />
    );
  }
  return (
    <NotImported
      outcome={outcome}
      downloadName="未导入的缴费记录.xlsx"
      lineTitle="文件行号"
      pageSize={10}
      testId="contributions-import-rejected"
    />
  );
}

/** The collector's file is Excel or CSV, told apart by its name. */
const contentTypeOf = (fileName: string) => (fileName.toLowerCase().endsWith('.csv') ? 'text/csv' : xlsxType);

/** The 导入征缴文件 button and its dialog; `onImported` after a file was stored. */
export function ContributionsImport({ onImported }: { onImported(): void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const template = useTemplateDownload('/ui/contributions/import-template', '失业保险缴费导入模板.xlsx');
  const { progress, uploading, fileName, outcome, upload } = useFileUpload<ImportResult>(
    '/ui/contributions/import',
    contentTypeOf,
    onImported,
  );

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        导入征缴文件
      </Button>
      <Modal
        title="导入征缴文件（失业保险缴费）"
        open={open}
        width={860}
        footer={null}
        maskClosable={!uploading}
        closable={!uploading}
        onCancel={() => setOpen(false)}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>第一步：</Typography.Text>
            <Button icon={<DownloadOutlined />} loading={template.busy} onClick={() => void template.download()}>
              下载导入模板
            </Button>
            <Typography.Text type="secondary">按身份证号匹配台账人员、按统一社会信用代码匹配单位，金额以元为单位。</Typography.Text>
          </Space>
          <Typography.Text strong>第二步：上传征收机构的月度缴费文件</Typography.Text>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              const name = file.name.toLowerCase();
              if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) {
                message.error('请上传 .xlsx 或 .csv 文件');
                return Upload.LIST_IGNORE;
              }
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将征缴文件拖到此处上传</p>
            <p className="ant-upload-hint">
              接受 .xlsx 或 .csv（UTF-8 或 GBK 编码）；任何一行有误则整份文件都不保存；已记录的月份不会重复记录，同一文件可放心重传
            </p>
          </Upload.Dragger>
          {progress !== null && (
            <div data-testid="contributions-upload-progress">
              <Typography.Text>{progress < 100 ? `正在上传“${fileName}”…` : `“${fileName}”已上传，正在校验和保存…`}</Typography.Text>
              <Progress percent={progress} status="active" />
            </div>
          )}
          {outcome && <OutcomeView outcome={outcome} />}
        </Space>
      </Modal>
    </>
  );
}
