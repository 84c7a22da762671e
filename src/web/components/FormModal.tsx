// One modal form for every create/edit dialog: validates, submits, maps API field errors onto
// fields and shows the API's detail above the form.
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { newIdempotencyKey } from '../api.js';
import { applyFieldErrors, problemText } from './formErrors.js';

export interface Submission<V> {
  form: FormInstance<V>;
  idempotencyKey: string;
}

export interface FormModalProps<V> {
  title: string;
  open: boolean;
  onClose(): void;
  /**
   * Sends the values; resolve `false` to keep the dialog open (e.g. the user cancelled a confirm).
   * `idempotencyKey` stays the same for every try within one opening of the dialog, so a create
   * retried after a lost answer is not made twice.
   */
  onSubmit(values: V, submission: Submission<V>): Promise<boolean | void>;
  initialValues?: Partial<V>;
  okText?: string;
  width?: number;
  /** API field → form field, where they differ. */
  rename?: Record<string, string>;
  /** The OK button in red: the dialog removes or ends something. */
  danger?: boolean;
  children: ReactNode;
}

/** A modal dialog holding a vertical form. */
export function FormModal<V extends object>({
  title,
  open,
  onClose,
  onSubmit,
  initialValues,
  okText = '保存',
  width = 560,
  rename,
  danger = false,
  children,
}: FormModalProps<V>) {
  const formRef = useRef<Submission<V> | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A form name prefixes the field ids, so a dialog's labels never point at a search form's fields.
  const formName = `dialog${useId().replace(/[^A-Za-z0-9]/g, '')}`;

  const close = () => {
    setProblem(null);
    onClose();
  };

  const submit = async () => {
    const submission = formRef.current;
    if (!submission) return;
    const { form } = submission;
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already marks the invalid fields
    }
    setBusy(true);
    setProblem(null);
    try {
      if ((await onSubmit(values, submission)) !== false) close();
    } catch (err) {
      setProblem(problemText(err, applyFieldErrors(form, err, rename)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={close}
      onOk={submit}
      okText={okText}
      okButtonProps={danger ? { danger: true } : undefined}
      confirmLoading={busy}
      width={width}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <FormBody<V> formRef={formRef} name={formName} initialValues={initialValues} onFinish={submit}>
        {children}
      </FormBody>
    </Modal>
  );
}

/**
 * The form itself owns its instance (and key), so every opening (the modal destroys its content
 * on close) starts from that opening's initial values: a shared instance would keep the last
 * record's.
 */
function FormBody<V extends object>({
  formRef,
  name,
  initialValues,
  onFinish,
  children,
}: {
  formRef: RefObject<Submission<V> | null>;
  name: string;
  initialValues?: Partial<V> | undefined;
  onFinish(): void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  useEffect(() => {
    const submission = { form, idempotencyKey };
    formRef.current = submission;
    return () => {
      if (formRef.current === submission) formRef.current = null;
    };
  }, [form, idempotencyKey, formRef]);
  return (
    <Form<V> form={form} name={name} layout="vertical" initialValues={initialValues} preserve={false} onFinish={onFinish}>
      {children}
      <button type="submit" hidden aria-hidden />
    </Form>
  );
}
