-- Suspensions followed through (issue 15, part 5): one row per pupil suspended, whichever workflow
-- recorded it. SuspensionDays counts school days of suspension from this table alone: the
-- investigation's 45-day check, the governors' per-term thresholds and the dashboards.
create sequence suspension_seq start with 1 increment by 50;
create sequence suspension_number_seq start with 1 increment by 1 cache 1;
create table suspension (
    id                        bigint primary key,
    reference                 varchar(20)    not null,
    student_id                bigint         not null references student (id),
    incident_id               bigint         references incident (id),
    incident_reference        varchar(20),
    confidentiality           varchar(20)    not null,
    days                      integer        not null,
    reasons                   varchar(20000) not null,
    approved_by               varchar(64)    not null,
    approved_at               timestamp with time zone not null,
    starts_on                 date           not null,
    return_on                 date           not null,
    return_time               varchar(5),
    misses_public_exam        boolean,
    education_from_sixth_day  varchar(5000),
    notice_sent_at            timestamp with time zone,
    notice_sent_by            varchar(64),
    notice_method             varchar(30),
    la_told_at                timestamp with time zone,
    governors_told_at         timestamp with time zone,
    virtual_school_told_at    timestamp with time zone,
    reinstatement_decision    varchar(20),
    reinstatement_on          date,
    reintegration_on          date,
    reintegration_plan        varchar(10000),
    reintegration_supporter   varchar(200),
    closed_at                 timestamp with time zone,
    process_instance_id       varchar(64),
    version                   bigint         not null,
    constraint suspension_reference_unique unique (reference),
    constraint suspension_days_positive check (days > 0),
    constraint suspension_incident_student_unique unique (incident_id, student_id)
);
create index suspension_student_start on suspension (student_id, starts_on);
create index suspension_open on suspension (closed_at, starts_on);

-- Suspensions the Headteacher approved before this table existed: counted from now on as the
-- investigation counted them (from the day the Headteacher decided), closed, with no workflow. Their
-- ids are the incident_student rows' ids made negative, out of the way of the sequence Hibernate uses.
insert into suspension (id, reference, student_id, incident_id, incident_reference, confidentiality, days, reasons,
                        approved_by, approved_at, starts_on, return_on, closed_at, version)
select -s.id, concat('SU', i.reference), s.student_id, i.id, i.reference, i.confidentiality,
       s.suspension_days, concat('Approved in incident ', i.reference, ' before suspensions were followed through.'),
       coalesce(i.head_decided_by, 'system'), coalesce(i.head_decided_at, i.outcome_at),
       cast(coalesce(i.head_decided_at, i.outcome_at) as date), cast(coalesce(i.head_decided_at, i.outcome_at) as date),
       coalesce(i.head_decided_at, i.outcome_at), 0
from incident_student s join incident i on i.id = s.incident_id
where s.sanction = 'suspension' and s.sanction_status = 'approved' and s.suspension_days > 0
  and coalesce(i.head_decided_at, i.outcome_at) is not null;
