-- Behaviour and achievement: the quick log, the weekly follow-up it raises, and the milestones it rewards.
create sequence behaviour_log_seq start with 1 increment by 50;
create sequence behaviour_batch_seq start with 1 increment by 1;
create table behaviour_log (
    id              bigint primary key,
    batch           varchar(20)   not null,
    student_id      bigint        not null references student (id),
    category        varchar(40)   not null,
    achievement     boolean       not null,
    points          integer       not null,
    place           varchar(200)  not null,
    note            varchar(2000),
    occurred_at     timestamp with time zone not null,
    recorded_by     varchar(64)   not null,
    recorded_at     timestamp with time zone not null,
    confidentiality varchar(20)   not null,
    incident_id     bigint
);
create index behaviour_log_student on behaviour_log (student_id, occurred_at);
create index behaviour_log_batch on behaviour_log (batch);
create index behaviour_log_occurred on behaviour_log (occurred_at);

create sequence behaviour_follow_up_seq start with 1 increment by 50;
create sequence behaviour_number_seq start with 1 increment by 1;
create table behaviour_follow_up (
    id                  bigint primary key,
    reference           varchar(20)   not null,
    student_id          bigint        not null references student (id),
    week_start          date          not null,
    points              integer       not null,
    raised_at           timestamp with time zone not null,
    decision            varchar(20),
    rationale           varchar(5000),
    decided_by          varchar(64),
    decided_at          timestamp with time zone,
    process_instance_id varchar(64),
    confidentiality     varchar(20)   not null,
    constraint behaviour_follow_up_reference_unique unique (reference),
    -- a threshold is raised once for a student's school week
    constraint behaviour_follow_up_once unique (student_id, week_start)
);

create sequence behaviour_milestone_seq start with 1 increment by 50;
create table behaviour_milestone (
    id                bigint primary key,
    student_id        bigint        not null references student (id),
    school_year_start date          not null,
    points            integer       not null,
    reached_at        timestamp with time zone not null,
    confidentiality   varchar(20)   not null,
    constraint behaviour_milestone_once unique (student_id, school_year_start, points)
);
create index behaviour_milestone_reached on behaviour_milestone (reached_at);
