-- On-call: calls for help from classrooms, and the duty rota of who answers them.
create sequence oncall_call_seq start with 1 increment by 50;
create sequence oncall_number_seq start with 1 increment by 1;
create table oncall_call (
    id                  bigint primary key,
    reference           varchar(20)  not null,
    raised_by           varchar(64)  not null,
    raised_at           timestamp with time zone not null,
    room                varchar(60)  not null,
    student_id          bigint references student (id),
    student_name        varchar(120),
    reason              varchar(500) not null,
    claimed_by          varchar(64),
    claimed_at          timestamp with time zone,
    escalated           boolean      not null,
    outcome             varchar(40),
    outcome_notes       varchar(5000),
    closed_at           timestamp with time zone,
    process_instance_id varchar(64),
    constraint oncall_call_reference_unique unique (reference)
);
create index oncall_call_open on oncall_call (closed_at, raised_at);

create sequence duty_rota_seq start with 1 increment by 50;
create table duty_rota (
    id        bigint primary key,
    user_id   varchar(64) not null,
    weekday   integer     not null,
    starts_at time        not null,
    ends_at   time        not null
);
