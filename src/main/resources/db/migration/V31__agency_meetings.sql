-- Multi-agency meeting series (agency-meeting.bpmn): Early Help / Team Around the Family reviews,
-- Child in Need meetings, child protection conferences and core groups, PEP reviews. One series per
-- student and kind; each meeting with who was invited and came, the minutes, and the actions agreed,
-- each action followed by its own small workflow (agency-action.bpmn).
create sequence agency_meeting_series_seq start with 1 increment by 50;
create sequence agency_meeting_number_seq start with 1 increment by 1;
create table agency_meeting_series (
    id                  bigint primary key,
    reference           varchar(20)    not null,
    student_id          bigint         not null references student (id),
    confidentiality     varchar(20)    not null,
    kind                varchar(30)    not null,
    owner_group         varchar(64)    not null,
    owner               varchar(64),
    lead_professional   varchar(300),
    purpose             varchar(5000),
    next_meeting_on     date,
    opened_by           varchar(64)    not null,
    opened_at           timestamp with time zone not null,
    closed_at           timestamp with time zone,
    closed_by           varchar(64),
    close_reason        varchar(20000),
    process_instance_id varchar(64),
    version             bigint         not null,
    constraint agency_meeting_series_reference_unique unique (reference)
);
create index agency_meeting_series_student on agency_meeting_series (student_id);

create sequence agency_meeting_seq start with 1 increment by 50;
create table agency_meeting (
    id           bigint primary key,
    series_id    bigint         not null references agency_meeting_series (id),
    held_on      date           not null,
    invited      varchar(20000)  not null,
    attended     varchar(20000)  not null,
    minutes      varchar(20000) not null,
    recorded_by  varchar(64)    not null,
    recorded_at  timestamp with time zone not null
);
create index agency_meeting_series_of on agency_meeting (series_id);

-- an action agreed at a meeting: a member of staff's (by username) or a group's, or another agency's
create sequence agency_action_seq start with 1 increment by 50;
create sequence agency_action_number_seq start with 1 increment by 1;
create table agency_action (
    id                  bigint primary key,
    reference           varchar(20)    not null,
    series_id           bigint         not null references agency_meeting_series (id),
    meeting_id          bigint         not null references agency_meeting (id),
    student_id          bigint         not null references student (id),
    confidentiality     varchar(20)    not null,
    description         varchar(1000)  not null,
    staff_user          varchar(64),
    staff_group         varchar(64),
    agency              varchar(300),
    due_on              date           not null,
    status              varchar(20)    not null,
    done_on             date,
    outcome             varchar(20000),
    chased              integer        not null,
    process_instance_id varchar(64),
    version             bigint         not null,
    constraint agency_action_reference_unique unique (reference),
    constraint agency_action_owner check ((agency is null) <> (staff_user is null and staff_group is null))
);
create index agency_action_series on agency_action (series_id);
