// How the graduate one-to-one checklist (AID-6) reads wherever it is shown: an item given or not,
// and the vacancies offered out of those required.
import { Space, Typography } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';

/** 已提供 with a green tick, or 未提供 in grey. */
export function GivenMark({ given }: { given: boolean }) {
  return given ? (
    <Space size={4} wrap={false} style={{ color: '#389e0d' }}>
      <CheckCircleFilled />
      已提供
    </Space>
  ) : (
    <Typography.Text type="secondary">
      <Space size={4} wrap={false}>
        <MinusCircleOutlined />
        未提供
      </Space>
    </Typography.Text>
  );
}

/** "1/3", green with a tick once the required number is reached. */
export function VacanciesMark({ offered, required }: { offered: number; required: number }) {
  const enough = offered >= required;
  return enough ? (
    <Space size={4} wrap={false} style={{ color: '#389e0d' }}>
      <CheckCircleFilled />
      {`${offered}/${required}`}
    </Space>
  ) : (
    <Typography.Text type={offered > 0 ? undefined : 'secondary'}>
      <Space size={4} wrap={false}>
        <MinusCircleOutlined />
        {`${offered}/${required}`}
      </Space>
    </Typography.Text>
  );
}
