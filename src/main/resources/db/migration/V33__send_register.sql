-- The SEN register and EHCP annual reviews (issue 17, parts 4 and 5). All of it is SEND: read by
-- the SENCO, the DSL, Heads of Year and the Pastoral Lead (docs/security.md).

-- one row per pupil at SEN support (K) or with an EHCP (E): areas of need (DfE census codes) and the
-- one-page profile; sen-support-review.bpmn runs the graduated approach's reviews of it
create sequence sen_register_seq start with 1 increment by 50;
create sequence sen_register_number_seq start with 1 increment by 1;
create table sen_register (
    id                  bigint primary key,
    reference           varchar(20)   not null,
    student_id          bigint        not null references student (id),
    confidentiality     varchar(20)   not null,
    primary_need        varchar(10),
    secondary_need      varchar(10),
    strengths           varchar(2000),
    needs               varchar(2000),
    what_helps          varchar(2000),
    updated_by          varchar(64)   not null,
    updated_at          timestamp with time zone not null,
    process_instance_id varchar(64),
    version             bigint        not null,
    constraint sen_register_reference_unique unique (reference),
    constraint sen_register_student_unique unique (student_id)
);

-- each review of the SEN support plan (assess, plan, do, review), with the pupil's and the parents' views
create sequence sen_support_review_seq start with 1 increment by 50;
create table sen_support_review (
    id               bigint primary key,
    sen_register_id  bigint        not null references sen_register (id),
    reviewed_on      date          not null,
    pupil_views      varchar(20000) not null,
    parent_views     varchar(20000) not null,
    progress         varchar(20000) not null,
    next_steps       varchar(20000) not null,
    outcome          varchar(20)   not null,
    reviewed_by      varchar(64)   not null,
    recorded_at      timestamp with time zone not null
);
create index sen_support_review_entry on sen_support_review (sen_register_id, reviewed_on);

-- a pupil's Education, Health and Care plan as far as the school follows it: ehcp-annual-review.bpmn
-- runs one annual review after another for as long as the plan is maintained
create sequence ehcp_plan_seq start with 1 increment by 50;
create sequence ehcp_plan_number_seq start with 1 increment by 1;
create table ehcp_plan (
    id                  bigint primary key,
    reference           varchar(20)   not null,
    student_id          bigint        not null references student (id),
    confidentiality     varchar(20)   not null,
    local_authority     varchar(120)  not null,
    plan_on             date          not null,
    last_review_on      date,
    ceased_on           date,
    recorded_by         varchar(64)   not null,
    recorded_at         timestamp with time zone not null,
    process_instance_id varchar(64),
    version             bigint        not null,
    constraint ehcp_plan_reference_unique unique (reference),
    constraint ehcp_plan_student_unique unique (student_id)
);

create sequence ehcp_review_seq start with 1 increment by 50;
create table ehcp_review (
    id                    bigint primary key,
    ehcp_plan_id          bigint        not null references ehcp_plan (id),
    due_on                date          not null,
    meeting_on            date,
    late_reason           varchar(20000),
    invitations_sent_on   date,
    invited               varchar(1000),
    advice_circulated_on  date,
    advice_from           varchar(20000),
    held_on               date,
    attended              varchar(20000),
    pupil_views           varchar(20000),
    parent_views          varchar(20000),
    recommendation        varchar(20),
    report_sent_on        date,
    la_chased_at          timestamp with time zone,
    la_decision           varchar(20),
    la_decided_on         date,
    la_notes              varchar(20000),
    chased                varchar(200),
    closed_at             timestamp with time zone,
    version               bigint        not null
);
create index ehcp_review_plan on ehcp_review (ehcp_plan_id, due_on);
