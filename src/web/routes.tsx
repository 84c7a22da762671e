// Pages and who may open them; the menu in AppLayout is built from the same list.
import { Navigate, Route, Routes } from 'react-router-dom';
import { Result } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  FileProtectOutlined,
  HomeOutlined,
  HeartOutlined,
  IdcardOutlined,
  MessageOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { roleNames, type Role } from '../shared/roles.js';
import { hasRole, useAuth } from './auth.js';
import { AppLayout } from './components/AppLayout.js';
import { securityPath, type PageEntry } from './pageEntry.js';

export type { PageEntry } from './pageEntry.js';
import { LoginPage } from './pages/LoginPage.js';
import { boardRoute } from './pages/board/boardRoute.js';
import { UnitsPage } from './pages/units/UnitsPage.js';
import { StaffPage } from './pages/staff/StaffPage.js';
import { ParamsPage } from './pages/params/ParamsPage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { PersonsPage } from './pages/persons/PersonsPage.js';
import { PersonRegisterPage } from './pages/persons/PersonRegisterPage.js';
import { PersonPage } from './pages/persons/PersonPage.js';
import { GraduatesPage } from './pages/persons/GraduatesPage.js';
import { RetireesPage } from './pages/persons/RetireesPage.js';
import { ImportPage } from './pages/import/ImportPage.js';
import { HouseholdPage } from './pages/households/HouseholdPage.js';
import { ZeroEmploymentPage } from './pages/households/ZeroEmploymentPage.js';
import { CasePage } from './pages/households/CasePage.js';
import { PostsPage } from './pages/posts/PostsPage.js';
import { PostPage } from './pages/posts/PostPage.js';
import { BankOutlined, FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { EmployersPage } from './pages/employers/EmployersPage.js';
import { EmployerPage } from './pages/employers/EmployerPage.js';
import { VacanciesPage } from './pages/vacancies/VacanciesPage.js';
import { VacancyRegisterPage } from './pages/vacancies/VacancyRegisterPage.js';
import { VacancyPage } from './pages/vacancies/VacancyPage.js';
import { ReviewPage } from './pages/vacancies/ReviewPage.js';
import { BarChartOutlined, ProfileOutlined, SendOutlined, ShopOutlined } from '@ant-design/icons';
import { VacancyMatchesPage } from './pages/matching/VacancyMatchesPage.js';
import { ReferralsPage } from './pages/referrals/ReferralsPage.js';
import { RatesPage } from './pages/referrals/RatesPage.js';
import { LetterPage } from './pages/referrals/LetterPage.js';
import { FairsPage } from './pages/fairs/FairsPage.js';
import { FairPage } from './pages/fairs/FairPage.js';
import { SurveysPage } from './pages/surveys/SurveysPage.js';
import { SurveyPage } from './pages/surveys/SurveyPage.js';
import { SecurityPage } from './pages/account/SecurityPage.js';
import { SeekerPage } from './pages/seekers/SeekerPage.js';
import { SeekersPage } from './pages/seekers/SeekersPage.js';
import { SmsOutboxPage } from './pages/accounts/SmsOutboxPage.js';
import { activationIssuers } from './components/ActivationCodeButton.js';
import { CheckSquareOutlined, NotificationOutlined } from '@ant-design/icons';
import { noticeAuthorRoles, noticeReviewerRoles } from '../shared/notices.js';
import { NoticesPage, NoticeReviewPage } from './pages/notices/NoticesPage.js';
import { NoticeEditPage } from './pages/notices/NoticeEditPage.js';
import { NoticePage } from './pages/notices/NoticePage.js';
import { FlagOutlined } from '@ant-design/icons';
import { RecognitionsPage } from './pages/assistance/RecognitionsPage.js';
import { VisitsPage } from './pages/assistance/VisitsPage.js';
import { WorkListPage } from './pages/assistance/WorkListPage.js';
import { CalendarOutlined, DesktopOutlined } from '@ant-design/icons';
import { AccountBookOutlined } from '@ant-design/icons';
import { SubsidiesPage } from './pages/subsidies/SubsidiesPage.js';
import { SubsidyPage } from './pages/subsidies/SubsidyPage.js';
import { subsidyStaff } from './pages/subsidies/subsidyTypes.js';
import { FundOutlined, TrophyOutlined } from '@ant-design/icons';
import { CampaignsPage } from './pages/campaigns/CampaignsPage.js';
import { CampaignPage } from './pages/campaigns/CampaignPage.js';
import { CommunitiesPage } from './pages/campaigns/CommunitiesPage.js';
import { CertificateChecksPage } from './pages/certificates/CertificateChecksPage.js';
import { PayCircleOutlined } from '@ant-design/icons';
import { FundLedgerPage } from './pages/fund/FundLedgerPage.js';
import { FileDoneOutlined, InsuranceOutlined, ScheduleOutlined, WalletOutlined } from '@ant-design/icons';
import { ClaimIntakePage } from './pages/unemploymentInsurance/ClaimIntakePage.js';
import { ClaimPage } from './pages/unemploymentInsurance/ClaimPage.js';
import { DeferralsPage } from './pages/unemploymentInsurance/DeferralsPage.js';
import { ClaimReviewPage, ClaimsPage } from './pages/unemploymentInsurance/ClaimsPage.js';
import { ContributionsPage } from './pages/unemploymentInsurance/ContributionsPage.js';
import { uiStaff } from './pages/unemploymentInsurance/uiTypes.js';
import { PaymentRunsPage } from './pages/unemploymentInsurance/PaymentRunsPage.js';
import { PaymentRunPage } from './pages/unemploymentInsurance/PaymentRunPage.js';
import { paymentRunStaff } from './pages/unemploymentInsurance/paymentRunTypes.js';
import { ReconciliationOutlined, RiseOutlined } from '@ant-design/icons';
import { CoveragePage } from './pages/unemploymentInsurance/CoveragePage.js';
import { ReemploymentRatePage } from './pages/unemploymentInsurance/ReemploymentRatePage.js';
import { coveragePath, coverageStaff, reemploymentRatePath, reemploymentRateStaff } from './pages/unemploymentInsurance/coverageTypes.js';

/** Who works with the labour-force ledger: clerks write; admins and leaders read. */
const ledgerReaders: Role[] = ['clerk', 'admin', 'leader'];
/** Auditors read the ledger too: the person page is where they see who looked at a record (SYS-2). Reviewers recognise hard-to-employ persons there (AID-1). */
const ledgerAuditors: Role[] = [...ledgerReaders, 'auditor', 'reviewer'];

/** The overview of hard-to-employ recognitions (AID-1): reviewers decide, clerks and leaders read. */
const assistanceStaff: Role[] = ['reviewer', 'clerk', 'leader', 'admin'];

/** Campaigns and full-employment communities (AID-7, AID-9): clerks and job officers plan campaigns; leaders and admins read. */
const campaignStaff: Role[] = ['clerk', 'job_officer', 'leader', 'admin'];

/** Who works with employers and vacancies (JOB-1..3): job officers write, reviewers review, leaders and admins read. */
const jobMarketStaff: Role[] = ['job_officer', 'reviewer', 'leader', 'admin'];

/** Policy notices (JOB-8): job officers and clerks write, reviewers publish, leaders and admins read. */
const noticeAuthors: Role[] = [...noticeAuthorRoles];
const noticeStaff: Role[] = [...noticeAuthorRoles, ...noticeReviewerRoles, 'leader', 'admin'];

// 高校毕业生 and 退休人员 are keyed: it is built on PersonsPage, and must not keep 人员台账's search state.
export const pages: PageEntry[] = [
  // The caseworker's work list (AID-2): where a community clerk starts the day.
  { path: '/work-list', label: '工作台', icon: <DesktopOutlined />, roles: ['clerk'], element: <WorkListPage /> },
  { path: '/persons', label: '人员台账', icon: <SolutionOutlined />, roles: ledgerAuditors, element: <PersonsPage /> },
  { path: '/persons/new', label: '登记人员', roles: ['clerk'], element: <PersonRegisterPage />, menuKey: '/persons' },
  { path: '/persons/import', label: '台账导入', icon: <CloudUploadOutlined />, roles: ['clerk'], element: <ImportPage /> },
  { path: '/persons/:id', label: '人员详情', roles: ledgerAuditors, element: <PersonPage />, menuKey: '/persons' },
  { path: '/graduates', label: '高校毕业生', icon: <ReadOutlined />, roles: ledgerReaders, element: <GraduatesPage key="graduates" /> },
  { path: '/retirees', label: '退休人员', icon: <UserOutlined />, roles: ledgerReaders, element: <RetireesPage key="retirees" /> },
  { path: '/zero-employment', label: '零就业家庭', icon: <HomeOutlined />, roles: ledgerReaders, element: <ZeroEmploymentPage /> },
  {
    path: '/zero-employment/:id',
    label: '零就业家庭个案',
    roles: ledgerReaders,
    element: <CasePage />,
    menuKey: '/zero-employment',
  },
  {
    path: '/assistance/recognitions',
    label: '困难人员认定',
    icon: <FlagOutlined />,
    roles: assistanceStaff,
    element: <RecognitionsPage />,
  },
  {
    path: '/assistance/visits',
    label: '走访安排',
    icon: <CalendarOutlined />,
    roles: ['clerk', 'leader', 'admin', 'reviewer'],
    element: <VisitsPage />,
  },
  // The 就业失业登记证's yearly checks and policy rate (AID-5): clerks check, reviewers review, admins read.
  {
    path: '/certificates/checks',
    label: '证件年审',
    icon: <SafetyCertificateOutlined />,
    roles: ['clerk', 'reviewer', 'admin'],
    element: <CertificateChecksPage />,
  },
  { path: '/households/:id', label: '家庭档案', roles: ledgerReaders, element: <HouseholdPage />, menuKey: '/zero-employment' },
  // Public-welfare posts (AID-4): clerks register posts and place persons; leaders and admins read.
  { path: '/welfare-posts', label: '公益性岗位', icon: <HeartOutlined />, roles: ledgerReaders, element: <PostsPage /> },
  { path: '/welfare-posts/:id', label: '公益性岗位详情', roles: ledgerReaders, element: <PostPage />, menuKey: '/welfare-posts' },
  // Subsidies paid exactly once (AID-8): clerks apply, reviewers decide, finance pays; leaders and admins read.
  { path: '/subsidies', label: '补贴管理', icon: <AccountBookOutlined />, roles: subsidyStaff, element: <SubsidiesPage /> },
  { path: '/subsidies/:id', label: '补贴详情', roles: subsidyStaff, element: <SubsidyPage />, menuKey: '/subsidies' },
  // Campaigns (AID-7) and full-employment communities (AID-9): results counted from the records, never typed.
  { path: '/campaigns', label: '专项活动', icon: <FundOutlined />, roles: campaignStaff, element: <CampaignsPage /> },
  { path: '/campaigns/:id', label: '专项活动成效', roles: campaignStaff, element: <CampaignPage />, menuKey: '/campaigns' },
  {
    path: '/full-employment-communities',
    label: '充分就业社区',
    icon: <TrophyOutlined />,
    roles: ['clerk', 'leader', 'admin'],
    element: <CommunitiesPage />,
  },
  // Unemployment insurance (UI-1, UI-2): UI officers record contributions and take claims (with a dry run of
  // the decision), reviewers decide them (four eyes); finance, leaders, auditors and admins read.
  { path: '/ui/contributions', label: '失业保险缴费', icon: <WalletOutlined />, roles: uiStaff, element: <ContributionsPage /> },
  // Coverage and collection (UI-6): enrolments, employers not enrolled, arrears and follow-ups on one page of tabs; UI officers write.
  { path: coveragePath, label: '扩面征缴', icon: <ReconciliationOutlined />, roles: coverageStaff, element: <CoveragePage /> },
  { path: '/ui/claims/new', label: '失业保险受理', icon: <FileDoneOutlined />, roles: ['ui_officer'], element: <ClaimIntakePage /> },
  { path: '/ui/claims/review', label: '失业保险审核', icon: <ScheduleOutlined />, roles: ['reviewer'], element: <ClaimReviewPage /> },
  { path: '/ui/claims', label: '失业保险金申领', icon: <InsuranceOutlined />, roles: uiStaff, element: <ClaimsPage /> },
  { path: '/ui/claims/:id', label: '失业保险金申领详情', roles: uiStaff, element: <ClaimPage />, menuKey: '/ui/claims' },
  // 缓发协议 (seed 002 §(八)): the year's rate of re-employed claimants with a deferral agreement, and who still lacks one.
  { path: '/ui/deferrals', label: '缓发协议', icon: <FileProtectOutlined />, roles: ['ui_officer', 'leader'], element: <DeferralsPage /> },
  // Monthly payment runs of unemployment benefit (UI-3): finance builds, approves (four eyes) and pays them; leaders and auditors read.
  { path: '/ui/payment-runs', label: '失业保险金发放', icon: <PayCircleOutlined />, roles: paymentRunStaff, element: <PaymentRunsPage /> },
  {
    path: '/ui/payment-runs/:id',
    label: '失业保险金发放批次',
    roles: paymentRunStaff,
    element: <PaymentRunPage />,
    menuKey: '/ui/payment-runs',
  },
  // 失业保险 (UI-5): the fund ledger for finance (who request and approve transfers) and leaders, auditors and admins (who read).
  {
    path: '/ui/fund',
    label: '基金台账',
    icon: <AccountBookOutlined />,
    roles: ['finance', 'leader', 'auditor', 'admin'],
    element: <FundLedgerPage />,
  },
  // The re-employment rate of claimants during benefit against its target (UI-4), for everyone who reads claims.
  {
    path: reemploymentRatePath,
    label: '领金期间再就业率',
    icon: <RiseOutlined />,
    roles: reemploymentRateStaff,
    element: <ReemploymentRatePage />,
  },
  { path: '/employers', label: '用人单位', icon: <BankOutlined />, roles: jobMarketStaff, element: <EmployersPage /> },
  { path: '/employers/:id', label: '用人单位详情', roles: jobMarketStaff, element: <EmployerPage />, menuKey: '/employers' },
  { path: '/vacancies', label: '岗位信息', icon: <FileSearchOutlined />, roles: jobMarketStaff, element: <VacanciesPage /> },
  { path: '/vacancies/new', label: '登记岗位', roles: ['job_officer'], element: <VacancyRegisterPage />, menuKey: '/vacancies' },
  { path: '/vacancies/review', label: '岗位审核', icon: <SafetyCertificateOutlined />, roles: ['reviewer'], element: <ReviewPage /> },
  { path: '/vacancies/:id', label: '岗位详情', roles: jobMarketStaff, element: <VacancyPage />, menuKey: '/vacancies' },
  // Matching, referrals, fairs and the vacancy survey (JOB-4..6, JOB-9, RPT-7): clerks and job officers refer; leaders read.
  {
    path: '/vacancies/:id/matches',
    label: '匹配求职者',
    roles: ['clerk', 'job_officer', 'leader', 'admin'],
    element: <VacancyMatchesPage />,
    menuKey: '/vacancies',
  },
  // The seeker side of matching for job officers (issue 12): the job seekers in scope and the vacancies that fit each.
  { path: '/seekers', label: '求职人员', icon: <IdcardOutlined />, roles: ['job_officer'], element: <SeekersPage key="seekers" /> },
  { path: '/seekers/:id', label: '求职人员详情', roles: ['job_officer'], element: <SeekerPage />, menuKey: '/seekers' },
  { path: '/referrals', label: '推荐介绍', icon: <SendOutlined />, roles: ['clerk', 'job_officer'], element: <ReferralsPage /> },
  {
    path: '/referrals/rates',
    label: '推荐率统计',
    icon: <BarChartOutlined />,
    roles: ['clerk', 'job_officer', 'leader'],
    element: <RatesPage />,
  },
  { path: '/referrals/:id/letter', label: '职业介绍信', roles: ['clerk', 'job_officer'], element: <LetterPage />, menuKey: '/referrals' },
  { path: '/fairs', label: '招聘会', icon: <ShopOutlined />, roles: ['job_officer', 'leader'], element: <FairsPage /> },
  { path: '/fairs/:id', label: '招聘会详情', roles: ['job_officer', 'leader'], element: <FairPage />, menuKey: '/fairs' },
  { path: '/vacancy-surveys', label: '空岗调查', icon: <ProfileOutlined />, roles: ['job_officer', 'leader'], element: <SurveysPage /> },
  {
    path: '/vacancy-surveys/:id',
    label: '空岗调查详情',
    roles: ['job_officer', 'leader'],
    element: <SurveyPage />,
    menuKey: '/vacancy-surveys',
  },
  { path: '/notices', label: '政策公告', icon: <NotificationOutlined />, roles: noticeStaff, element: <NoticesPage /> },
  {
    path: '/notices/review',
    label: '公告审核',
    icon: <CheckSquareOutlined />,
    roles: [...noticeReviewerRoles],
    element: <NoticeReviewPage />,
  },
  { path: '/notices/new', label: '撰写公告', roles: noticeAuthors, element: <NoticeEditPage />, menuKey: '/notices' },
  { path: '/notices/:id/edit', label: '修改公告', roles: noticeAuthors, element: <NoticeEditPage />, menuKey: '/notices' },
  { path: '/notices/:id', label: '公告详情', roles: noticeStaff, element: <NoticePage />, menuKey: '/notices' },
  // Codes for public-board accounts (JOB-7, issue 10) are read out at the counter when no SMS gateway is set up.
  { path: '/sms-outbox', label: '待发短信', icon: <MessageOutlined />, roles: activationIssuers, element: <SmsOutboxPage /> },
  { path: '/units', label: '机构管理', icon: <ApartmentOutlined />, element: <UnitsPage /> },
  { path: '/staff', label: '工作人员', icon: <TeamOutlined />, roles: ['admin'], element: <StaffPage /> },
  { path: '/params', label: '政策参数', icon: <SettingOutlined />, element: <ParamsPage /> },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['auditor'], element: <AuditPage /> },
  { path: securityPath, label: '账号安全', element: <SecurityPage /> },
];

function Guard({ page }: { page: PageEntry }) {
  const { user } = useAuth();
  if (page.roles && !hasRole(user, ...page.roles)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`“${page.label}”仅限${page.roles.map((r) => roleNames[r]).join('、')}使用，如需使用请联系管理员分配角色。`}
      />
    );
  }
  return <>{page.element}</>;
}

/** The start page: a page of the user's own work (issue 12). */
function Home() {
  const { user } = useAuth();
  return <Navigate to={homeOf(user)} replace />;
}

/**
 * Where each role starts, first match wins (after the community clerk's work list, homeOf): the system administrator (every role) and district
 * admins their units, clerks the ledger, reviewers their queue, job officers the vacancies,
 * leaders the figures (推荐率统计, until the reports arrive), auditors the audit log, finance the subsidies, UI officers 失业保险受理; the other programme
 * roles, whose pages come with the second release, the units.
 */
const homes: [Role, string][] = [
  ['admin', '/units'],
  ['clerk', '/persons'],
  ['reviewer', '/vacancies/review'],
  ['job_officer', '/vacancies'],
  ['leader', '/referrals/rates'],
  ['auditor', '/audit'],
  ['finance', '/subsidies'],
  ['ui_officer', '/ui/claims/new'],
];

function homeOf(user: ReturnType<typeof useAuth>['user']): string {
  // A community (village) clerk works cases and visits: the day starts at the work list (AID-2).
  if (user && user.scope.length === 12 && hasRole(user, 'clerk') && !hasRole(user, 'admin')) return '/work-list';
  return homes.find(([role]) => hasRole(user, role))?.[1] ?? '/units';
}

/** All routes: the login page, the public job board (/jobs) and the signed-in pages inside the layout. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {boardRoute}
      <Route element={<AppLayout pages={pages} />}>
        <Route index element={<Home />} />
        {pages.map((p) => (
          <Route key={p.path} path={p.path} element={<Guard page={p} />} />
        ))}
        <Route path="*" element={<Result status="404" title="页面不存在" subTitle="请从左侧菜单选择要使用的功能。" />} />
      </Route>
    </Routes>
  );
}
