// A deadline as the clerk reads it: the date with the days left, in warning colour when it is near
// and in red once passed; a settled matter shows only the date.
import { Space, Typography } from 'antd';
import { deadlineText } from '../format.js';

/** Where the matter stands against its deadline. */
export type DeadlineState = 'open' | 'due_soon' | 'overdue' | 'settled';

/** The deadline with the days left (or overdue), coloured by `state`. */
export function DeadlineText({ deadline, state }: { deadline: string; state: DeadlineState }) {
  if (state === 'settled') return <>{deadline}</>;
  return (
    <Space size={4} wrap={false}>
      <Typography.Text type={state === 'overdue' ? 'danger' : state === 'due_soon' ? 'warning' : undefined} strong={state === 'overdue'}>
        {deadline}
      </Typography.Text>
      <Typography.Text type={state === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="days-left">
        {deadlineText(deadline)}
      </Typography.Text>
    </Space>
  );
}
