// 岗位审核 (JOB-3): the vacancies waiting for review, each with its text and the words the
// discrimination screening found marked in it (red: must be fixed or justified; orange: judge).
// Expanding a row gives each flag's reason and legal source. A reviewer edits the vacancy (it is
// screened again), approves it, or rejects it with a comment.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Col, Radio, Row, Space, Typography } from 'antd';
import { CheckOutlined, CloseCircleOutlined, EditOutlined } from '@ant-design/icons';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';
import type { Vacancy } from '../../types.js';
import { HighlightedText } from './HighlightedText.js';
import { occupationText } from './OccupationSelect.js';
import { FlagList, FlagSummary, ScreenedTexts } from './ScreeningFlags.js';
import { wageText } from './vacancyDisplay.js';
import { EditVacancyModal, ReviewModal, type ReviewDecision } from './VacancyModals.js';

type Filter = 'all' | 'flagged' | 'clean';
const flaggedQuery: Record<Filter, boolean | undefined> = { all: undefined, flagged: true, clean: false };

/** The expanded row: the texts with marks, and why each mark is there. */
function ReviewDetail({ vacancy }: { vacancy: Vacancy }) {
  return (
    <Row gutter={24} data-testid="review-detail">
      <Col xs={24} xl={12}>
        <ScreenedTexts title={vacancy.title} description={vacancy.description} skills={vacancy.skills} flags={vacancy.screening.flags} />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {occupationText(vacancy.occupation)} · {vacancy.education || '学历不限'} · 工作地点 {vacancy.regionName ?? vacancy.regionCode}
          {vacancy.address ? ` ${vacancy.address}` : ''} · 有效期至 {vacancy.validUntil} · {vacancy.createdBy} 登记于{' '}
          {formatDateTime(vacancy.createdAt)}
        </Typography.Text>
      </Col>
      <Col xs={24} xl={12}>
        <FlagList flags={vacancy.screening.flags} />
      </Col>
    </Row>
  );
}

/** The review queue page. */
export function ReviewPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<Vacancy | null>(null);
  const [reviewing, setReviewing] = useState<{ vacancy: Vacancy; decision: ReviewDecision } | null>(null);
  const changed = () => setReloadKey((k) => k + 1);
  return (
    <>
      <PagedTable<Vacancy>
        title="岗位审核（待审核岗位）"
        path="/vacancies"
        rowKey="id"
        exportName="待审核岗位"
        reloadKey={reloadKey}
        extraQuery={{ status: 'pending_review', flagged: flaggedQuery[filter] }}
        actions={
          <Radio.Group
            optionType="button"
            value={filter}
            onChange={(e) => setFilter(e.target.value as Filter)}
            options={[
              { value: 'all', label: '全部待审核' },
              { value: 'flagged', label: '只看有提示' },
              { value: 'clean', label: '只看无提示' },
            ]}
          />
        }
        expandable={{ expandedRowRender: (v) => <ReviewDetail vacancy={v} />, columnTitle: '', expandRowByClick: false }}
        columns={[
          {
            title: '岗位',
            dataIndex: 'title',
            render: (t: string, v) => (
              <Space orientation="vertical" size={0} style={{ minWidth: 180 }}>
                <Link to={`/vacancies/${v.id}`}>{t}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.employerName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {wageText(v.wageMin, v.wageMax)} · {v.headcount} 人 · {formatDateTime(v.createdAt).slice(0, 10)} 登记
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '岗位描述（标出审查提示）',
            dataIndex: 'description',
            render: (d: string, v) => (
              <div
                data-testid="queue-description"
                style={{ width: 440, display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
              >
                <HighlightedText text={d} flags={v.screening.flags.filter((f) => f.field === 'description')} />
              </div>
            ),
          },
          { title: '审查提示', key: 'flags', width: 130, render: (_: unknown, v) => <FlagSummary flags={v.screening.flags} /> },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, v) => (
              <Space size={4}>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(v)}>
                  编辑
                </Button>
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => setReviewing({ vacancy: v, decision: 'approve' })}
                >
                  通过
                </Button>
                <Button size="small" danger icon={<CloseCircleOutlined />} onClick={() => setReviewing({ vacancy: v, decision: 'reject' })}>
                  驳回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <EditVacancyModal vacancy={editing} onClose={() => setEditing(null)} onSaved={changed} />
      <ReviewModal
        vacancy={reviewing?.vacancy ?? null}
        decision={reviewing?.decision ?? 'approve'}
        onClose={() => setReviewing(null)}
        onDone={changed}
      />
    </>
  );
}
