-- The case store: students, their chronology and the audit trail.
-- Portable SQL: runs on PostgreSQL (production) and H2 (the embedded demo).

create sequence student_seq start with 1 increment by 50;
create table student (
    id                 bigint primary key,
    upn                varchar(13)  not null,
    legal_surname      varchar(100) not null,
    legal_forename     varchar(100) not null,
    preferred_forename varchar(100),
    date_of_birth      date         not null,
    gender             varchar(1),
    year_group         integer      not null,
    reg_group          varchar(10),
    sen_status         varchar(1)   not null,
    ehcp               boolean      not null,
    fsm                boolean      not null,
    eal                boolean      not null,
    in_care            boolean      not null,
    young_carer        boolean      not null,
    cp_plan            boolean      not null default false,
    feeder_school      varchar(120),
    imported_at        timestamp with time zone not null,
    constraint student_upn_unique unique (upn)
);
create index student_year_group on student (year_group, reg_group);
create index student_surname on student (legal_surname, legal_forename);

create sequence chronology_entry_seq start with 1 increment by 50;
create table chronology_entry (
    id                bigint primary key,
    student_id        bigint       not null references student (id),
    kind              varchar(40)  not null,
    confidentiality   varchar(20)  not null,
    occurred_at       timestamp with time zone not null,
    recorded_at       timestamp with time zone not null,
    recorded_by       varchar(64)  not null,
    summary           varchar(300) not null,
    detail            varchar(20000),
    source_type       varchar(40),
    source_id         bigint,
    corrects_entry_id bigint references chronology_entry (id)
);
create index chronology_entry_student on chronology_entry (student_id, occurred_at);
create index chronology_entry_source on chronology_entry (source_type, source_id);

create sequence audit_event_seq start with 1 increment by 50;
create table audit_event (
    id          bigint primary key,
    at          timestamp with time zone not null,
    actor       varchar(64)  not null,
    action      varchar(20)  not null,
    record_type varchar(40)  not null,
    record_id   bigint,
    student_id  bigint,
    detail      varchar(500)
);
create index audit_event_student on audit_event (student_id, at);
create index audit_event_actor on audit_event (actor, at);

-- The school-day calendar: terms, and the days inside them when students are not in.
create sequence school_term_seq start with 1001 increment by 50;
create table school_term (
    id        bigint primary key,
    name      varchar(60) not null,
    starts_on date        not null,
    ends_on   date        not null
);
create sequence school_closure_seq start with 1001 increment by 50;
create table school_closure (
    id          bigint primary key,
    starts_on   date        not null,
    ends_on     date        not null,
    kind        varchar(20) not null,
    description varchar(120)
);

-- Every notification the system sends, so nobody has to trust that an e-mail went out.
create sequence notification_seq start with 1 increment by 50;
create table notification (
    id         bigint primary key,
    created_at timestamp with time zone not null,
    recipients varchar(2000) not null,
    subject    varchar(300)  not null,
    body       varchar(5000) not null,
    status     varchar(20)   not null,
    error      varchar(1000),
    sent_at    timestamp with time zone
);
