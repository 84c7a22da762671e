// The one-stop person page (一站式服务, REG-1..8): who the person is and their status as of any
// date, basic information, household, registrations with a button per type, services, and one
// timeline of everything, and the 就业失业登记证; for a registered unemployed graduate, the
// one-to-one service checklist (AID-6). Every registration reloads the person and the
// household.
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Col, Row, Space, Spin } from 'antd';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { ActivationCodeButton, activationIssuers } from '../../components/ActivationCodeButton.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import type { Certificate, Person, RegistrationEvent, ServiceRecord } from '../../types.js';
import { CaseworkCard } from '../assistance/CaseworkCard.js';
import { HardToEmployCard } from '../assistance/HardToEmployCard.js';
import { HouseholdCard } from '../households/HouseholdCard.js';
import { CertificateCard } from './CertificateCard.js';
import { CertificatePoliciesCard } from '../certificates/CertificatePoliciesCard.js';
import { GraduateServiceCard } from './GraduateServiceCard.js';
import { MatchesCard } from './MatchesCard.js';
import { buildTimeline } from './history.js';
import { PersonHeader } from './PersonHeader.js';
import { PersonInfoCard } from './PersonInfoCard.js';
import { PersonAccessLogCard } from './PersonAccessLogCard.js';
import { PersonTimeline } from './PersonTimeline.js';
import { RegistrationsCard } from './RegistrationsCard.js';
import { ServicesCard } from './ServicesCard.js';
import { PersonSubsidiesCard } from '../subsidies/PersonSubsidiesCard.js';
import { subsidyStaff } from '../subsidies/subsidyTypes.js';
import { PersonUiCard } from '../unemploymentInsurance/PersonUiCard.js';
import { uiStaff } from '../unemploymentInsurance/uiTypes.js';

/** The person page at /persons/:id. */
export function PersonPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const canWrite = hasRole(user, 'clerk');
  const [asOf, setAsOf] = useState<string>();
  const [version, setVersion] = useState(0);
  const person = useLoad(() => get<Person>(`/persons/${id}`, { asOf }), [id, asOf, version]);
  const events = useLoad(() => get<RegistrationEvent[]>(`/persons/${id}/registrations`), [id, version]);
  const services = useLoad(() => get<ServiceRecord[]>(`/persons/${id}/services`), [id, version]);
  const certificate = useLoad(() => get<Certificate>(`/persons/${id}/certificate`), [id, version]);
  const changed = () => setVersion((v) => v + 1);

  const p = person.data?.id === id ? person.data : undefined;
  const timeline = useMemo(
    () =>
      buildTimeline({
        events: events.data ?? [],
        services: services.data ?? [],
        createdAt: p?.createdAt,
        createdOn: p ? formatDateTime(p.createdAt).slice(0, 10) : undefined,
      }),
    [events.data, services.data, p],
  );

  if (person.error) return <Alert type="error" showIcon title={errorText(person.error)} />;
  if (!p) return <Spin size="large" />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PersonHeader
        person={p}
        asOf={asOf}
        onAsOf={setAsOf}
        actions={
          hasRole(user, ...activationIssuers) && (
            <ActivationCodeButton kind="seeker" path={`/persons/${p.id}/activation-code`} subject={p.name} />
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {events.error ? <Alert type="error" showIcon title={errorText(events.error)} /> : null}
            <RegistrationsCard person={p} events={events.data ?? []} loading={events.loading} canWrite={canWrite} onChanged={changed} />
            <HardToEmployCard person={p} version={version} onChanged={changed} />
            <CaseworkCard person={p} version={version} onChanged={changed} />
            <GraduateServiceCard person={p} version={version} canWrite={canWrite} onChanged={changed} />
            <MatchesCard person={p} version={version} onChanged={changed} />
            <CertificateCard
              person={p}
              certificate={certificate.data}
              loading={certificate.loading}
              error={certificate.error ? errorText(certificate.error) : undefined}
              canWrite={canWrite}
              onChanged={changed}
            />
            {certificate.data?.certificateNo ? (
              <CertificatePoliciesCard
                personId={p.id}
                version={version}
                canCheck={canWrite}
                canReview={hasRole(user, 'reviewer')}
                onChanged={changed}
              />
            ) : null}
            <ServicesCard
              person={p}
              services={services.data ?? []}
              loading={services.loading}
              error={services.error ? errorText(services.error) : undefined}
              canWrite={canWrite}
              onChanged={changed}
            />
            <PersonInfoCard person={p} canWrite={canWrite} onSaved={changed} />
            {hasRole(user, 'auditor') ? <PersonAccessLogCard personId={p.id} /> : null}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <HouseholdCard person={p} canWrite={canWrite} version={version} />
            {hasRole(user, ...subsidyStaff) ? <PersonSubsidiesCard personId={p.id} version={version} /> : null}
            {hasRole(user, ...uiStaff) ? <PersonUiCard personId={p.id} version={version} /> : null}
            <PersonTimeline entries={timeline} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
