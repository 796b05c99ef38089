-- Letters and e-mails home from templates (issue 16, part 3; docs/adr/0028-letters-from-merge-field-templates.md).
-- letter_template: a template, numbered; letter_template_version: every save of it is a new row
-- (who, when, why), and its current text is the row with the highest version. About no student.
create sequence letter_template_seq start with 1 increment by 50;
create table letter_template (
    id         bigint primary key,
    created_at timestamp with time zone not null
);
create sequence letter_template_version_seq start with 1 increment by 50;
create table letter_template_version (
    id          bigint primary key,
    template_no bigint        not null references letter_template (id),
    version     integer       not null,
    name        varchar(120)  not null,
    subject     varchar(200)  not null,
    body        varchar(8000) not null,
    reason      varchar(500)  not null,
    saved_by    varchar(64)   not null,
    saved_at    timestamp with time zone not null
);
create unique index letter_template_version_no on letter_template_version (template_no, version);

-- letter: one letter or e-mail sent home, with the exact text that was sent (also in the chronology
-- entry it makes) and the template version it came from. to_name is the contact as they were when it
-- was sent (a later import may replace the contact row); contact_id is kept for the record, not as a key.
-- template_version_id is not a foreign key either: versions are never changed or deleted, and a key
-- would join the templates (about no student) to the student's records.
create sequence letter_seq start with 1 increment by 50;
create sequence letter_number_seq start with 1;
create table letter (
    id                  bigint primary key,
    reference           varchar(20)   not null,
    student_id          bigint        not null references student (id),
    contact_id          bigint        not null,
    to_name             varchar(200)  not null,
    channel             varchar(10)   not null,
    to_address          varchar(500)  not null,
    template_version_id bigint        not null,
    subject             varchar(300)  not null,
    body                varchar(12000) not null,
    confidentiality     varchar(20)   not null,
    notification_id     bigint,
    sent_by             varchar(64)   not null,
    sent_at             timestamp with time zone not null
);
create unique index letter_reference on letter (reference);
create index letter_student on letter (student_id, sent_at);

-- An e-mail to a parent or carer is an outbox row like a staff notification, so it is sent after
-- commit and retried the same way; it names the child, so the administrator's outbox list leaves it out.
alter table notification add column to_family boolean default false not null;
-- a letter is longer than a staff notification
alter table notification alter column body set data type varchar(12000);
