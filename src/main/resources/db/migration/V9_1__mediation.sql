-- Restorative mediations: between two or more students, from an investigation or started by a PSO.
create sequence mediation_seq start with 1 increment by 50;
create sequence mediation_number_seq start with 1 increment by 1;
create table mediation (
    id                   bigint primary key,
    reference            varchar(20)    not null,
    source_type          varchar(30)    not null,
    source_reference     varchar(20),
    reason               varchar(5000)  not null,
    requested_by         varchar(64)    not null,
    requested_at         timestamp with time zone not null,
    round                integer        not null,
    power_imbalance      boolean,
    safeguarding_concern boolean,
    suitable             boolean,
    suitability_notes    varchar(5000),
    meeting_on           date,
    attendees            varchar(1000),
    what_happened        varchar(20000),
    who_affected         varchar(5000),
    repair               varchar(5000),
    agreed_actions       varchar(5000),
    outcome              varchar(20),
    outcome_notes        varchar(5000),
    closed_at            timestamp with time zone,
    process_instance_id  varchar(64),
    version              bigint         not null,
    constraint mediation_reference_unique unique (reference)
);
create index mediation_open on mediation (closed_at, requested_at);

create sequence mediation_party_seq start with 1 increment by 50;
create table mediation_party (
    id           bigint primary key,
    mediation_id bigint      not null references mediation (id),
    student_id   bigint      not null references student (id),
    position     integer     not null,
    consent      varchar(20),
    consent_by   varchar(64),
    consent_at   timestamp with time zone,
    constraint mediation_party_unique unique (mediation_id, student_id)
);
create index mediation_party_student on mediation_party (student_id);
