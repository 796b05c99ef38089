-- Multi-agency meetings (issue 16, finished): the planned meeting's time and place, and every
-- invitation or "the meeting has moved" e-mail sent about it, with the exact text sent (the outbox
-- row it went in is notification_id). A notice is part of its series' record: same student, same
-- confidentiality, destroyed and exported with it.
alter table agency_meeting_series add column next_meeting_time time;
alter table agency_meeting_series add column next_meeting_place varchar(300);

create sequence agency_meeting_notice_seq start with 1 increment by 50;
create table agency_meeting_notice (
    id                bigint primary key,
    series_id         bigint         not null references agency_meeting_series (id),
    student_id        bigint         not null references student (id),
    confidentiality   varchar(20)    not null,
    meeting_no        integer        not null,
    kind              varchar(20)    not null,
    to_name           varchar(300)   not null,
    to_agency         varchar(300),
    to_email          varchar(320)   not null,
    family_contact_id bigint,
    subject           varchar(500)   not null,
    body              varchar(20000) not null,
    notification_id   bigint,
    sent_by           varchar(64)    not null,
    sent_at           timestamp with time zone not null
);
create index agency_meeting_notice_series on agency_meeting_notice (series_id);

-- Contact with home (contact-follow-up.bpmn): when the writer was reminded of an overdue follow-up,
-- and when it was put on the Pastoral Lead's list of overdue follow-ups.
alter table contact_log add column follow_up_reminded_at timestamp with time zone;
alter table contact_log add column follow_up_escalated_at timestamp with time zone;
