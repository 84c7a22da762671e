// What came of a file import that is all or nothing (the ledger's REG-7, the contribution file's
// UI-1): the outcome of an upload, and the views of a refused or failed one, with the rejected
// rows' errors and their Excel to download, fix and upload again.
import type { ReactNode } from 'react';
import { Alert, Button, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError, base64Blob, saveBlob, type FieldError } from '../api.js';
import { errorText } from './formErrors.js';

/** The content type of an Excel (.xlsx) file. */
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ImportOutcome<R> =
  | { kind: 'imported'; file: string; result: R }
  | { kind: 'rejected'; file: string; detail: string; rejectedCount: number; errors: FieldError[]; rejectedRowsXlsx?: string | undefined }
  | { kind: 'failed'; file: string; detail: string };

/** The row number of an error path "/rows/12". */
const lineOf = (path: string) => Number(/^\/rows\/(\d+)$/.exec(path)?.[1] ?? NaN);

/** The outcome of an upload that failed: refused with its rejected rows, or failed as a whole. */
export function importOutcomeOfError<R>(file: string, err: unknown): ImportOutcome<R> {
  if (err instanceof ApiError && typeof err.extra.rejectedCount === 'number')
    return {
      kind: 'rejected',
      file,
      detail: err.detail,
      rejectedCount: err.extra.rejectedCount,
      errors: err.errors,
      rejectedRowsXlsx: typeof err.extra.rejectedRowsXlsx === 'string' ? err.extra.rejectedRowsXlsx : undefined,
    };
  return { kind: 'failed', file, detail: errorText(err) };
}

export interface NotImportedProps<R> {
  outcome: Exclude<ImportOutcome<R>, { kind: 'imported' }>;
  /** File name of the rejected rows' Excel. */
  downloadName: string;
  /** Heading of the row-number column (Excel 行号, 文件行号). */
  lineTitle: string;
  pageSize: number;
  testId: string;
}

/** A refused or failed import: why, and for a refused one each rejected row's reason. */
export function NotImported<R>({ outcome, downloadName, lineTitle, pageSize, testId }: NotImportedProps<R>): ReactNode {
  if (outcome.kind === 'failed')
    return <Alert type="error" showIcon title={`导入失败：${outcome.detail}`} description={`文件：${outcome.file}`} />;
  const shown = outcome.errors.filter((e) => e.path.startsWith('/rows/'));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid={testId}>
      <Alert
        type="error"
        showIcon
        title={`文件“${outcome.file}”未导入`}
        description={outcome.detail}
        action={
          outcome.rejectedRowsXlsx && (
            <Button
              type="primary"
              danger
              icon={<DownloadOutlined />}
              onClick={() => saveBlob(base64Blob(outcome.rejectedRowsXlsx!, xlsxType), downloadName)}
            >
              下载未导入的行
            </Button>
          )
        }
      />
      <Table<FieldError>
        size="small"
        rowKey="path"
        dataSource={shown}
        pagination={shown.length > pageSize ? { pageSize, size: 'small' } : false}
        title={() =>
          outcome.rejectedCount > shown.length
            ? `以下为前 ${shown.length} 行的错误，全部 ${outcome.rejectedCount} 行见下载的文件`
            : '错误明细'
        }
        columns={[
          { title: lineTitle, dataIndex: 'path', width: 110, render: (p: string) => lineOf(p) || '—' },
          { title: '错误原因', dataIndex: 'message', render: (m: string) => m.replace(/^第 \d+ 行：/, '') },
        ]}
      />
    </Space>
  );
}
