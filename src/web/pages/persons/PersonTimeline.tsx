// 时间轴: registrations, corrections, services and the ledger entry on one line, newest first.
import { Card, Empty, Timeline, Typography } from 'antd';
import type { TimelineEntry } from './history.js';

/** The timeline card. */
export function PersonTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Card title="时间轴" data-testid="timeline">
      {entries.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: e.key,
            color: e.color,
            content: (
              <div data-kind={e.kind}>
                <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                  {e.date}
                </Typography.Text>
                <Typography.Text strong delete={e.voided}>
                  {e.title}
                </Typography.Text>
                {e.detail && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                    {e.detail}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
