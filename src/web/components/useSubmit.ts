// The busy flag and the problem line of a dialog that sends one request: what DecisionModal and the
// payment run's 登记失败 dialog share (FormModal does the same for whole forms, with field errors).
import { useCallback, useState } from 'react';
import { errorText } from './formErrors.js';

export interface Submitting {
  /** True while `submit` runs (the OK button's loading). */
  busy: boolean;
  /** The API's detail of the last failed submit, shown above the dialog's form. */
  problem: string | null;
  clearProblem(): void;
  /** Runs `send`, keeping `busy` while it runs; a failure becomes `problem`. */
  submit(send: () => Promise<void>): Promise<void>;
}

export function useSubmit(): Submitting {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const clearProblem = useCallback(() => setProblem(null), []);
  const submit = useCallback(async (send: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await send();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, clearProblem, submit };
}
