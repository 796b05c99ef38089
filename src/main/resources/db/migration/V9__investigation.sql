-- Incident investigations: the incident, each student's part in it, the checklist of evidence
-- (every item done or not applicable with a reason), attachments, and the use-of-force record.
create sequence incident_seq start with 1 increment by 50;
create sequence incident_number_seq start with 1 increment by 1;
create table incident (
    id                     bigint primary key,
    reference              varchar(20)    not null,
    occurred_at            timestamp with time zone not null,
    location               varchar(200)   not null,
    type                   varchar(40)    not null,
    description            varchar(20000) not null,
    staff_involved         varchar(1000),
    reasonable_force       boolean        not null,
    safeguarding_indicator boolean        not null,
    logged_by              varchar(64)    not null,
    logged_at              timestamp with time zone not null,
    investigator           varchar(64),
    cctv_overwritten_at    timestamp with time zone not null,
    outcome                varchar(20),
    outcome_rationale      varchar(20000),
    outcome_by             varchar(64),
    outcome_at             timestamp with time zone,
    mediation_offered      boolean,
    target_support         boolean,
    head_decision          varchar(20),
    head_notes             varchar(5000),
    head_decided_by        varchar(64),
    head_decided_at        timestamp with time zone,
    mediation_reference    varchar(20),
    closed_at              timestamp with time zone,
    process_instance_id    varchar(64),
    version                bigint         not null,
    constraint incident_reference_unique unique (reference)
);
create index incident_logged_by on incident (logged_by, logged_at);
create index incident_open on incident (closed_at, logged_at);

create sequence incident_student_seq start with 1 increment by 50;
create table incident_student (
    id                         bigint primary key,
    incident_id                bigint      not null references incident (id),
    student_id                 bigint      not null references student (id),
    position                   integer     not null,
    part                       varchar(30) not null,
    sen_status                 varchar(5),
    force_used_on              boolean     not null,
    sanction                   varchar(30),
    suspension_days            integer,
    sanction_status            varchar(20),
    dsl_referral_reference     varchar(20),
    support_referral_reference varchar(20),
    constraint incident_student_unique unique (incident_id, student_id)
);
create index incident_student_student on incident_student (student_id);

create sequence incident_check_seq start with 1 increment by 50;
create table incident_check (
    id             bigint primary key,
    incident_id    bigint      not null references incident (id),
    position       integer     not null,
    kind           varchar(30) not null,
    student_id     bigint references student (id),
    status         varchar(20) not null,
    detail         varchar(20000),
    reason         varchar(2000),
    contact_with   varchar(200),
    contact_method varchar(30),
    contact_at     timestamp with time zone,
    done_by        varchar(64),
    done_at        timestamp with time zone,
    warned_at      timestamp with time zone
);
create index incident_check_incident on incident_check (incident_id);

create sequence incident_attachment_seq start with 1 increment by 50;
create table incident_attachment (
    id           bigint primary key,
    incident_id  bigint       not null references incident (id),
    check_id     bigint       not null references incident_check (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamp with time zone not null
);
create index incident_attachment_check on incident_attachment (check_id);

-- DfE, Use of reasonable force (2013): what a school records after a significant incident.
create sequence use_of_force_seq start with 1 increment by 50;
create table use_of_force (
    id                bigint primary key,
    incident_id       bigint        not null references incident (id),
    staff_names       varchar(500)  not null,
    occurred_at       timestamp with time zone not null,
    place             varchar(200)  not null,
    lead_up           varchar(5000) not null,
    de_escalation     varchar(5000) not null,
    force_type        varchar(40)   not null,
    force_description varchar(2000) not null,
    duration_minutes  integer       not null,
    reason            varchar(40)   not null,
    injuries          varchar(2000) not null,
    support_after     varchar(2000) not null,
    parents_told_at   timestamp with time zone not null,
    parents_told_by   varchar(120)  not null,
    parents_told_how  varchar(30)   not null,
    parents_told_what varchar(5000) not null,
    recorded_by       varchar(64)   not null,
    recorded_at       timestamp with time zone not null,
    constraint use_of_force_incident_unique unique (incident_id)
);

-- A referral started by another workflow points back at the record it came from.
alter table referral add column raised_from_type varchar(30);
alter table referral add column raised_from_reference varchar(20);
