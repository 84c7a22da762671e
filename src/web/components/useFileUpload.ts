// The upload side of a file import (the ledger's REG-7, the contribution file's UI-1): the file's
// progress while it goes up, then its outcome; and the busy flag of the import template's download.
// Both import screens had copied these handlers; their views stay their own.
import { useCallback, useState } from 'react';
import { App } from 'antd';
import { downloadFile, uploadFile } from '../api.js';
import { errorText } from './formErrors.js';
import { importOutcomeOfError, type ImportOutcome } from './ImportOutcome.js';

export interface FileUpload<R> {
  /** Percent of the file sent, 100 while the server checks and stores it; null when no upload runs. */
  progress: number | null;
  uploading: boolean;
  /** Name of the file last chosen. */
  fileName: string | undefined;
  /** What came of the last upload; null before one and while one runs. */
  outcome: ImportOutcome<R> | null;
  /** Sends the file; the outcome says whether it was imported, refused with rejected rows, or failed. */
  upload(file: File): Promise<void>;
}

/**
 * Uploads a file to `path` (POST, its content type from `contentTypeOf(fileName)`) with progress;
 * `onImported` runs after the server stored it.
 */
export function useFileUpload<R>(path: string, contentTypeOf: (fileName: string) => string, onImported?: () => void): FileUpload<R> {
  const [progress, setProgress] = useState<number | null>(null);
  const [fileName, setFileName] = useState<string>();
  const [outcome, setOutcome] = useState<ImportOutcome<R> | null>(null);

  const upload = useCallback(
    async (file: File) => {
      setFileName(file.name);
      setOutcome(null);
      setProgress(0);
      try {
        const result = await uploadFile<R>(path, file, { contentType: contentTypeOf(file.name), onProgress: setProgress });
        setOutcome({ kind: 'imported', file: file.name, result });
        onImported?.();
      } catch (err) {
        setOutcome(importOutcomeOfError<R>(file.name, err));
      } finally {
        setProgress(null);
      }
    },
    [path, contentTypeOf, onImported],
  );

  return { progress, uploading: progress !== null, fileName, outcome, upload };
}

/** Downloads an import template from `path` (`fallbackName` when the server names none); a failure is a message. */
export function useTemplateDownload(path: string, fallbackName: string): { busy: boolean; download(): Promise<void> } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = useCallback(async () => {
    setBusy(true);
    try {
      await downloadFile(path, {}, fallbackName);
    } catch (err) {
      message.error(`下载失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  }, [path, fallbackName, message]);
  return { busy, download };
}
