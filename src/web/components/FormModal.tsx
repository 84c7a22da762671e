// One modal form for every create/edit dialog: validates, submits, maps API field errors onto
// fields and shows the API's detail above the form.
import { useId, useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { applyFieldErrors, errorText } from './formErrors.js';

export interface FormModalProps<V> {
  title: string;
  open: boolean;
  onClose(): void;
  /** Sends the values; resolve `false` to keep the dialog open (e.g. the user cancelled a confirm). */
  onSubmit(values: V, form: FormInstance<V>): Promise<boolean | void>;
  initialValues?: Partial<V>;
  okText?: string;
  width?: number;
  /** API field → form field, where they differ. */
  rename?: Record<string, string>;
  children: ReactNode;
}

/** A modal dialog holding a vertical form. */
export function FormModal<V extends object>({ title, open, onClose, onSubmit, initialValues, okText = '保存', width = 560, rename, children }: FormModalProps<V>) {
  const [form] = Form.useForm<V>();
  // A form name prefixes the field ids, so a dialog's labels never point at a search form's fields.
  const formName = `dialog${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    setProblem(null);
    onClose();
  };

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already marks the invalid fields
    }
    setBusy(true);
    setProblem(null);
    try {
      if ((await onSubmit(values, form)) !== false) close();
    } catch (err) {
      const leftover = applyFieldErrors(form, err, rename);
      setProblem([errorText(err), ...leftover.filter((m) => !errorText(err).includes(m))].join('；'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={title} open={open} onCancel={close} onOk={submit} okText={okText} confirmLoading={busy} width={width} destroyOnHidden mask={{ closable: false }}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<V> form={form} name={formName} layout="vertical" initialValues={initialValues} preserve={false} onFinish={submit}>
        {children}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
