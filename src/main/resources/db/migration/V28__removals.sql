-- Removals from lessons (issue 15, part 4) and the reflection room's register of them: one row per
-- removal, the register's columns filled in by the room's staff on the day. Pastoral, like the
-- chronology entry each removal makes.
create sequence removal_seq start with 1 increment by 50;
create table removal (
    id               bigint primary key,
    student_id       bigint       not null references student (id),
    removed_at       timestamp with time zone not null,
    period           varchar(20),
    lesson           varchar(120) not null,
    reason           varchar(120) not null,
    note             varchar(2000) not null,
    destination      varchar(120) not null,
    expected_return  timestamp with time zone not null,
    confidentiality  varchar(20)  not null,
    recorded_by      varchar(64)  not null,
    recorded_at      timestamp with time zone not null,
    arrived_at       time,
    left_at          time,
    work_set         varchar(1000),
    register_by      varchar(64),
    register_at      timestamp with time zone
);
create index removal_student on removal (student_id, removed_at);
create index removal_day on removal (removed_at);
