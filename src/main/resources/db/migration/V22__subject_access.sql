-- Subject access requests (subject-access.bpmn): logged by an administrator or a DSL, reviewed,
-- exported and sent by the DSL within one calendar month (UK GDPR Art. 12(3)).
-- Portable SQL: runs on PostgreSQL (production) and H2 (the embedded demo).
create sequence subject_access_request_seq start with 1 increment by 50;
create sequence subject_access_number_seq start with 1 increment by 1;
create table subject_access_request (
    id                  bigint primary key,
    reference           varchar(20)   not null,
    student_id          bigint        not null references student (id),
    requester_name      varchar(200)  not null,
    relationship        varchar(20)   not null,
    acting_for          varchar(500),
    identity_check      varchar(20)   not null,
    identity_notes      varchar(1000),
    received_on         date          not null,
    reply_method        varchar(20)   not null,
    reply_to            varchar(500)  not null,
    logged_by           varchar(64)   not null,
    logged_at           timestamp with time zone not null,
    due_on              date          not null,
    extension_reason    varchar(2000),
    extended_by         varchar(64),
    extended_at         timestamp with time zone,
    requester_told_on   date,
    requester_told_how  varchar(20),
    warned_at           timestamp with time zone,
    escalated_at        timestamp with time zone,
    reviewed_by         varchar(64),
    reviewed_at         timestamp with time zone,
    export_sha256       varchar(64),
    exported_by         varchar(64),
    exported_at         timestamp with time zone,
    produced_by         varchar(64),
    produced_at         timestamp with time zone,
    sent_on             date,
    sent_how            varchar(20),
    sent_to             varchar(500),
    sent_notes          varchar(2000),
    sent_by             varchar(64),
    process_instance_id varchar(64),
    version             bigint        not null,
    constraint subject_access_request_reference_unique unique (reference)
);
create index subject_access_request_received on subject_access_request (received_on);
create index subject_access_request_student on subject_access_request (student_id);

-- What the DSL withheld from the export, and why. The record itself stays where its feature keeps it.
create sequence subject_access_withheld_seq start with 1 increment by 50;
create table subject_access_withheld (
    id           bigint primary key,
    request_id   bigint        not null references subject_access_request (id),
    part         varchar(60)   not null,
    record_type  varchar(40)   not null,
    record_id    bigint        not null,
    reason       varchar(20)   not null,
    note         varchar(1000),
    decided_by   varchar(64)   not null,
    decided_at   timestamp with time zone not null,
    constraint subject_access_withheld_unique unique (request_id, record_type, record_id)
);
