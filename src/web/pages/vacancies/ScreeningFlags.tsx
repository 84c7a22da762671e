// The discrimination screening of a vacancy shown to staff (JOB-3): the flags with why and under
// which law, the texts with the flagged words marked, and a live preview while a form is typed.
import { useEffect, useState } from 'react';
import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { screenedFieldNames, screeningCategoryNames, screeningSeverityColors, screeningSeverityNames } from '../../labels.js';
import type { ScreeningFlag, Vacancy } from '../../types.js';
import { HighlightedText } from './HighlightedText.js';

/** Flags that must be fixed or justified before the vacancy can be approved. */
export const blockingFlags = (flags: ScreeningFlag[]) => flags.filter((f) => f.severity === 'flag');

/**
 * The flags counted in words, the one wording of every place that counts them (the live panel,
 * the saved message, the tag on the vacancy, the review dialog): 「2 处须修改、1 处提醒」.
 */
export function flagCountText(flags: ScreeningFlag[]): string {
  const blocking = blockingFlags(flags).length;
  const warnings = flags.length - blocking;
  const parts = [blocking > 0 ? `${blocking} 处须修改` : '', warnings > 0 ? `${warnings} 处提醒` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : '未发现问题';
}

/** The count as a tag: red with something to fix, orange with reminders only, green when clean. */
export function FlagCountTag({ flags }: { flags: ScreeningFlag[] }) {
  const color = blockingFlags(flags).length > 0 ? 'red' : flags.length > 0 ? 'orange' : 'green';
  return (
    <Tag color={color} data-testid="flag-count">
      {flags.length > 0 ? `审查提示：${flagCountText(flags)}` : '审查未发现问题'}
    </Tag>
  );
}

/** The tag of one flag: its category, red or orange by severity. */
export function FlagTag({ flag }: { flag: ScreeningFlag }) {
  return (
    <Tag color={screeningSeverityColors[flag.severity] ?? 'default'} data-testid="flag-tag">
      {screeningCategoryNames[flag.category] ?? flag.category}
      {flag.severity === 'warning' ? '（提醒）' : ''}
    </Tag>
  );
}

/** A short line of tags for a table cell: 「性别」「户籍地域」, or 无 when clean. */
export function FlagSummary({ flags }: { flags: ScreeningFlag[] }) {
  if (flags.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((f) => (
        <FlagTag key={`${f.field}:${f.start}:${f.category}`} flag={f} />
      ))}
    </Space>
  );
}

/** The list of flags, each with the words found, the reason and the legal source. */
export function FlagList({ flags, empty = '未发现可能构成就业歧视的内容' }: { flags: ScreeningFlag[]; empty?: string }) {
  if (flags.length === 0) {
    return (
      <Typography.Text type="success" data-testid="no-flags">
        <CheckCircleOutlined /> {empty}
      </Typography.Text>
    );
  }
  return (
    <List
      size="small"
      data-testid="flag-list"
      dataSource={flags}
      rowKey={(f) => `${f.field}:${f.start}:${f.category}`}
      renderItem={(f) => (
        <List.Item style={{ display: 'block', paddingInline: 0 }}>
          <Space size={4} wrap style={{ marginBottom: 4 }}>
            <FlagTag flag={f} />
            <Typography.Text>
              {screenedFieldNames[f.field] ?? f.field}中的
              <Typography.Text mark strong style={{ marginInline: 2 }}>
                “{f.text}”
              </Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">{screeningSeverityNames[f.severity] ?? f.severity}</Typography.Text>
          </Space>
          <Typography.Paragraph style={{ marginBottom: 2 }}>{f.reason}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据：{f.legalSource}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** The screened texts of a vacancy with their flags marked (title, skills, description). */
export function ScreenedTexts({
  title,
  description,
  skills,
  flags,
}: {
  title: string;
  description: string;
  skills: string[];
  flags: ScreeningFlag[];
}) {
  const of = (field: string) => flags.filter((f) => f.field === field);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 96 } }}
      items={[
        { key: 'title', label: '岗位名称', children: <HighlightedText text={title} flags={of('title')} /> },
        ...(skills.length
          ? [{ key: 'skills', label: '技能要求', children: <HighlightedText text={skills.join('、')} flags={of('skills')} /> }]
          : []),
        {
          key: 'description',
          label: '岗位描述',
          children: (
            <div data-testid="screened-description">
              <HighlightedText text={description} flags={of('description')} />
            </div>
          ),
        },
      ]}
    />
  );
}

/** The flags of a stored vacancy with a one-line verdict above them. */
export function VacancyScreening({ vacancy }: { vacancy: Vacancy }) {
  const flags = vacancy.screening.flags;
  const blocking = blockingFlags(flags).length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {blocking > 0 ? (
        <Alert
          type="error"
          showIcon
          title={`审查提示：${flagCountText(flags)}`}
          description="须修改岗位信息；确属合法要求的（如矿山井下作业限男性），审核时须在审核意见中说明理由。"
        />
      ) : flags.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`审查提示：${flagCountText(flags)}`}
          description="年龄等条件法律未明令禁止，请审核员判断是否必要。"
        />
      ) : null}
      <ScreenedTexts title={vacancy.title} description={vacancy.description} skills={vacancy.skills} flags={flags} />
      <FlagList flags={flags} />
    </Space>
  );
}

export interface ScreeningPreview {
  flags: ScreeningFlag[];
  loading: boolean;
  error: string | null;
  /** The texts the flags belong to (the offsets point into them, not into newer typing). */
  screened: { title: string; description: string; skills: string[] } | null;
}

/** Waits this long after the last keystroke before asking the server (one request per pause). */
const debounceMs = 400;

/** Screens the texts as they are typed (POST /vacancies/screen, debounced; nothing is saved). */
export function useScreeningPreview(
  title: string | undefined,
  description: string | undefined,
  skills: string[] | undefined,
): ScreeningPreview {
  const [state, setState] = useState<ScreeningPreview>({ flags: [], loading: false, error: null, screened: null });
  const skillsKey = JSON.stringify(skills ?? []);
  useEffect(() => {
    const texts = {
      title: (title ?? '').slice(0, 60),
      description: (description ?? '').slice(0, 4000),
      skills: (JSON.parse(skillsKey) as string[]).slice(0, 20).map((s) => s.slice(0, 20)),
    };
    if (!texts.title.trim() && !texts.description.trim() && texts.skills.length === 0) {
      setState({ flags: [], loading: false, error: null, screened: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      post<{ flags: ScreeningFlag[] }>('/vacancies/screen', texts)
        .then((res) => live && setState({ flags: res.flags, loading: false, error: null, screened: texts }))
        .catch((err: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorText(err) })));
    }, debounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [title, description, skillsKey]);
  return state;
}
