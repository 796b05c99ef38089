-- Issue 17, parts 1-3: interventions as things of their own. The catalogue (school-editable, seeded with
-- the codes support plans have always used, so a plan's "interventions" column names catalogue rows
-- without any change to plan data); groups (a run of one intervention), their members with entry and exit
-- scores, their sessions and a register per session. Scores are on the scale the catalogue row names
-- (pastoral.interventions.scales in application.yml).
create sequence intervention_seq start with 100 increment by 50;
create table intervention (
    id               bigint primary key,
    code             varchar(40)  not null unique,
    name             varchar(120) not null,
    kind             varchar(12)  not null,
    session_minutes  integer      not null,
    typical_sessions integer      not null,
    staff            varchar(200),
    cost_pence       integer      not null,
    cost_per         varchar(8)   not null,
    scale            varchar(40)  not null,
    active           boolean      not null
);
insert into intervention (id, code, name, kind, session_minutes, typical_sessions, staff, cost_pence, cost_per, scale, active) values
    (1, 'mentoring', '1:1 mentoring', 'ONE', 30, 12, 'Learning mentor', 1800, 'HOUR', 'self-rating', true),
    (2, 'check-ins', 'Check-ins', 'ONE', 10, 30, 'PSO', 1600, 'HOUR', 'self-rating', true),
    (3, 'anger-management', 'Anger management group', 'GROUP', 50, 6, 'PSO', 4500, 'SESSION', 'sdq-total', true),
    (4, 'self-esteem', 'Self-esteem group', 'GROUP', 50, 6, 'PSO', 4000, 'SESSION', 'self-rating', true),
    (5, 'emotional-literacy', 'Emotional literacy', 'GROUP', 45, 8, 'Teaching assistant', 3000, 'SESSION', 'sdq-total', true),
    (6, 'thrive', 'Thrive', 'ONE', 45, 10, 'Thrive practitioner', 2200, 'HOUR', 'boxall', true),
    (7, 'elsa', 'ELSA', 'ONE', 45, 8, 'ELSA', 2000, 'HOUR', 'self-rating', true),
    (8, 'other', 'Other', 'ONE', 30, 6, null, 0, 'SESSION', 'self-rating', true);

create sequence intervention_group_seq start with 1 increment by 50;
create table intervention_group (
    id               bigint primary key,
    intervention_id  bigint        not null references intervention (id),
    name             varchar(120)  not null,
    staff            varchar(200)  not null,
    weekday          integer       not null,
    starts_at        time          not null,
    first_session    date          not null,
    session_count    integer       not null,
    confidentiality  varchar(20)   not null,
    notes            varchar(4000),
    created_by       varchar(64)   not null,
    created_at       timestamp with time zone not null
);
create index intervention_group_start on intervention_group (first_session);

create sequence intervention_member_seq start with 1 increment by 50;
create table intervention_member (
    id               bigint primary key,
    group_id         bigint        not null references intervention_group (id),
    student_id       bigint        not null references student (id),
    source           varchar(20)   not null,
    joined_on        date          not null,
    entry_score      integer,
    exit_score       integer,
    withdrawn_on     date,
    withdrawn_reason varchar(300),
    added_by         varchar(64)   not null,
    constraint intervention_member_once unique (group_id, student_id)
);
create index intervention_member_student on intervention_member (student_id);

create sequence intervention_session_seq start with 1 increment by 50;
create table intervention_session (
    id               bigint primary key,
    group_id         bigint        not null references intervention_group (id),
    number           integer       not null,
    held_on          date          not null,
    notes            varchar(2000),
    recorded_by      varchar(64)   not null,
    recorded_at      timestamp with time zone not null,
    constraint intervention_session_once unique (group_id, number)
);

create sequence intervention_mark_seq start with 1 increment by 50;
create table intervention_mark (
    id               bigint primary key,
    session_id       bigint        not null references intervention_session (id),
    member_id        bigint        not null references intervention_member (id),
    mark             varchar(10)   not null,
    reason           varchar(200),
    constraint intervention_mark_once unique (session_id, member_id)
);
create index intervention_mark_member on intervention_mark (member_id);
