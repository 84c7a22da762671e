// 导出 Excel: downloads a list with the page's filters (`?format=xlsx`).
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadXlsx, type Query } from '../api.js';
import { errorText } from './formErrors.js';

/** A button that downloads `path` as Excel with `query`. */
export function ExportButton({ path, query, fileName }: { path: string; query: Query; fileName: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadXlsx(path, query, fileName);
    } catch (err) {
      message.error(`导出失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      导出 Excel
    </Button>
  );
}
