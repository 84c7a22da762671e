// 高校毕业生 (REG-4, AID-6): unemployed college graduates have a list (and counter) of their own,
// the person list with the graduates filter fixed, 登记失业 preset and the school columns; the
// second tab follows their one-to-one service (一对一服务) by the state of its checklist.
import { useSearchParams } from 'react-router-dom';
import { Tabs } from 'antd';
import { GraduateServiceList } from './GraduateServiceList.js';
import { PersonsPage } from './PersonsPage.js';

const graduatesQuery = { graduate: true };

/** The roster tab. */
function GraduatesRoster() {
  return (
    <PersonsPage
      title="高校毕业生"
      exportName="高校毕业生名册"
      fixedQuery={graduatesQuery}
      initialSearch={{ status: 'unemployed' }}
      emptyText={
        <>
          管辖范围内还没有高校毕业生。人员的“毕业年份”已填写，或“人员类别”含“高校毕业生”，即列在这里：
          <br />
          在人员详情的“基本信息”中点“编辑”填写，或登记新人员时填写。
        </>
      }
      extraColumns={[
        { title: '毕业院校', dataIndex: 'school', render: (v: string | null) => v ?? '—' },
        { title: '毕业年份', dataIndex: 'graduationYear', render: (v: number | null) => v ?? '—' },
      ]}
    />
  );
}

/** The graduates page at /graduates: 毕业生名册 and 一对一服务 (?view=service). */
export function GraduatesPage() {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'service' ? 'service' : 'roster';
  return (
    <Tabs
      activeKey={view}
      onChange={(k) => setParams(k === 'service' ? { view: 'service' } : {}, { replace: true })}
      destroyOnHidden
      items={[
        { key: 'roster', label: '毕业生名册', children: <GraduatesRoster /> },
        { key: 'service', label: '一对一服务', children: <GraduateServiceList /> },
      ]}
    />
  );
}
