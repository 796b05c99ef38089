-- Year 6 -> Year 7 transition (transition.bpmn) and leavers' child protection file transfer (leaver.bpmn).
-- Portable SQL: runs on PostgreSQL (production) and H2 (the embedded demo).

-- The primary schools the incoming students come from, by their DfE URN.
create sequence feeder_school_seq start with 1 increment by 50;
create table feeder_school (
    id                    bigint primary key,
    urn                   varchar(6)   not null,
    name                  varchar(120) not null,
    -- one request and one chase e-mail per school per day, however many students are waiting
    last_request_notice   date,
    last_chase_notice     date,
    constraint feeder_school_urn_unique unique (urn)
);

-- One cohort per September intake: the school's own dates for it.
create table transition_cohort (
    entry_year           integer     primary key,
    transition_day_first date        not null,
    transition_day_last  date        not null,
    interviews_due       date        not null,
    updated_by           varchar(64) not null,
    updated_at           timestamp with time zone not null
);

-- One transition per incoming student, from the allocation list.
create sequence transition_seq start with 1 increment by 50;
create sequence transition_number_seq start with 1 increment by 1;
create table transition (
    id                  bigint primary key,
    reference           varchar(20)  not null,
    entry_year          integer      not null references transition_cohort (entry_year),
    upn                 varchar(13)  not null,
    legal_surname       varchar(100) not null,
    legal_forename      varchar(100) not null,
    date_of_birth       date         not null,
    gender              varchar(1),
    feeder_school_id    bigint       not null references feeder_school (id),
    sen_status          varchar(1)   not null,
    ehcp                boolean      not null,
    in_care             boolean      not null,
    cp_plan             boolean      not null,
    parent_name         varchar(200),
    parent_phone        varchar(40),
    parent_email        varchar(200),
    anxiety             boolean      not null,
    young_carer         boolean      not null,
    primary_recommends  boolean      not null,
    cp_file_expected    boolean      not null,
    pathway             varchar(10),
    tutor_group         varchar(10),
    days_recorded_at    timestamp with time zone,
    days_missed         varchar(40),
    status              varchar(12)  not null,
    withdrawn_reason    varchar(500),
    withdrawn_at        timestamp with time zone,
    student_id          bigint references student (id),
    process_instance_id varchar(64),
    imported_at         timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint       not null,
    constraint transition_reference_unique unique (reference),
    constraint transition_cohort_upn_unique unique (entry_year, upn)
);
create index transition_cohort_school on transition (entry_year, feeder_school_id);
create index transition_student on transition (student_id);

-- Where each student stands on each milestone of the cohort board; the board reads only this.
create sequence transition_milestone_seq start with 1 increment by 50;
create table transition_milestone (
    id            bigint primary key,
    transition_id bigint       not null references transition (id),
    milestone     varchar(20)  not null,
    status        varchar(12)  not null,
    due_on        date,
    done_on       date,
    done_by       varchar(64),
    outcome       varchar(200),
    constraint transition_milestone_unique unique (transition_id, milestone)
);

-- What was recorded along the way. Filed into the student's chronology once they have a case file.
create sequence transition_note_seq start with 1 increment by 50;
create table transition_note (
    id                  bigint primary key,
    transition_id       bigint        not null references transition (id),
    milestone           varchar(20),
    kind                varchar(40)   not null,
    confidentiality     varchar(20)   not null,
    occurred_at         timestamp with time zone not null,
    recorded_at         timestamp with time zone not null,
    recorded_by         varchar(64)   not null,
    summary             varchar(300)  not null,
    detail              varchar(20000),
    chronology_entry_id bigint
);
create index transition_note_transition on transition_note (transition_id, occurred_at);

-- Concerns raised during transition, each becoming a referral (workflow 1).
create sequence transition_concern_seq start with 1 increment by 50;
create table transition_concern (
    id                 bigint primary key,
    transition_id      bigint         not null references transition (id),
    category           varchar(30)    not null,
    description        varchar(20000) not null,
    child_words        varchar(20000),
    occurred_at        timestamp with time zone not null,
    location           varchar(200),
    immediate_risk     boolean        not null,
    raised_by          varchar(64)    not null,
    raised_at          timestamp with time zone not null,
    referral_reference varchar(20)
);
create index transition_concern_transition on transition_concern (transition_id);

-- The contact log with each primary school: calls, visits, information received.
create sequence feeder_contact_seq start with 1 increment by 50;
create table feeder_contact (
    id               bigint primary key,
    feeder_school_id bigint        not null references feeder_school (id),
    entry_year       integer       not null,
    kind             varchar(20)   not null,
    occurred_on      date          not null,
    with_whom        varchar(200),
    notes            varchar(5000),
    recorded_by      varchar(64)   not null,
    recorded_at      timestamp with time zone not null
);
create index feeder_contact_school on feeder_contact (feeder_school_id, entry_year, occurred_on);

-- Students leaving: the child protection file goes to the receiving school separately (KCSIE).
create sequence leaver_seq start with 1 increment by 50;
create sequence leaver_number_seq start with 1 increment by 1;
create table leaver (
    id                   bigint primary key,
    reference            varchar(20)  not null,
    student_id           bigint       not null references student (id),
    leaving_on           date         not null,
    reason               varchar(20)  not null,
    destination_name     varchar(200),
    destination_urn      varchar(6),
    recorded_by          varchar(64)  not null,
    recorded_at          timestamp with time zone not null,
    transfer_due_on      date         not null,
    has_cp_file          boolean,
    sent_to              varchar(200),
    sent_on              date,
    sent_how             varchar(30),
    sent_by              varchar(64),
    no_destination_notes varchar(5000),
    export_sha256        varchar(64),
    exported_by          varchar(64),
    exported_at          timestamp with time zone,
    receipt_on           date,
    receipt_from         varchar(200),
    receipt_recorded_by  varchar(64),
    closed_at            timestamp with time zone,
    process_instance_id  varchar(64),
    version              bigint       not null,
    constraint leaver_reference_unique unique (reference)
);
create index leaver_student on leaver (student_id);
