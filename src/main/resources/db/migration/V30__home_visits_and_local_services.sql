-- Issue 16, parts 4 and 6.
--
-- The directory of local services the Pastoral Lead keeps (about services, never a child), and the
-- service a PSO's triage signposts a referral to.
create sequence local_service_seq start with 1 increment by 50;
create table local_service (
    id            bigint primary key,
    name          varchar(120)  not null,
    purpose       varchar(1000) not null,
    age_from      integer       not null,
    age_to        integer       not null,
    how_to_refer  varchar(2000) not null,
    contact       varchar(500)  not null,
    active        boolean       not null,
    updated_by    varchar(64)   not null,
    updated_at    timestamp with time zone not null
);
create index local_service_name on local_service (name);

-- no foreign key on purpose: a key would join the directory to the students' tables, and the directory is
-- about services, never a child (ConfidentialityDeclarationsTest follows keys). Services are never deleted.
alter table referral add column signposted_service_id bigint;

-- Home visits (home-visit.bpmn): who goes where, when they expect to be back, and their check-in.
-- Pastoral, or safeguarding when a DSL plans it so.
create sequence home_visit_seq start with 1 increment by 50;
create sequence home_visit_number_seq start with 1 increment by 1;
create table home_visit (
    id                  bigint primary key,
    reference           varchar(20)   not null,
    student_id          bigint        not null references student (id),
    confidentiality     varchar(20)   not null,
    address             varchar(500)  not null,
    purpose             varchar(2000) not null,
    leaves_at           timestamp with time zone not null,
    expected_back       timestamp with time zone not null,
    lead_visitor        varchar(64)   not null,
    second_visitor      varchar(64),
    visitor_phone       varchar(40)   not null,
    family_flagged      boolean       not null,
    planned_by          varchar(64)   not null,
    planned_at          timestamp with time zone not null,
    process_instance_id varchar(64),
    alerted_at          timestamp with time zone,
    escalated_at        timestamp with time zone,
    checked_in_at       timestamp with time zone,
    checked_in_by       varchar(64),
    outcome             varchar(30),
    outcome_note        varchar(5000),
    version             bigint        not null,
    constraint home_visit_reference_unique unique (reference)
);
create index home_visit_student on home_visit (student_id);
create index home_visit_open on home_visit (checked_in_at, expected_back);
