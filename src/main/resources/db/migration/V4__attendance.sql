-- Weekly attendance from the MIS, and attendance concerns.
create sequence attendance_week_seq start with 1 increment by 50;
create table attendance_week (
    id                  bigint primary key,
    student_id          bigint  not null references student (id),
    week_commencing     date    not null,
    possible_sessions   integer not null,
    attended_sessions   integer not null,
    authorised_absence  integer not null,
    unauthorised_absence integer not null,
    late_sessions       integer not null,
    imported_at         timestamp with time zone not null,
    constraint attendance_week_unique unique (student_id, week_commencing)
);

create sequence attendance_concern_seq start with 1 increment by 50;
create sequence attendance_number_seq start with 1 increment by 1;
create table attendance_concern (
    id                  bigint primary key,
    reference           varchar(20) not null,
    student_id          bigint      not null references student (id),
    kind                varchar(20) not null,
    severe              boolean     not null,
    opened_at           timestamp with time zone not null,
    opened_possible     integer     not null,
    opened_attended     integer     not null,
    closed_at           timestamp with time zone,
    closed_possible     integer,
    closed_attended     integer,
    outcome             varchar(40),
    process_instance_id varchar(64),
    constraint attendance_concern_reference_unique unique (reference)
);
create index attendance_concern_student on attendance_concern (student_id, kind, closed_at);
