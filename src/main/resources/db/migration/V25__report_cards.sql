-- Behaviour report cards (report-card.bpmn): a student "on report" with up to three targets, each
-- lesson scored against each target, reviewed each school week.
create sequence report_card_seq start with 1 increment by 50;
create sequence report_card_number_seq start with 1 increment by 1;
create table report_card (
    id                  bigint primary key,
    reference           varchar(20)    not null,
    student_id          bigint         not null references student (id),
    confidentiality     varchar(20)    not null,
    level_code          varchar(30)    not null,
    target1             varchar(200)   not null,
    target2             varchar(200),
    target3             varchar(200),
    reason              varchar(5000),
    starts_on           date           not null,
    ends_on             date           not null,
    reviewer            varchar(64),
    started_by          varchar(64)    not null,
    started_at          timestamp with time zone not null,
    outcome             varchar(20),
    outcome_notes       varchar(5000),
    closed_at           timestamp with time zone,
    process_instance_id varchar(64),
    version             bigint         not null,
    constraint report_card_reference_unique unique (reference)
);
create index report_card_student on report_card (student_id);
create index report_card_open on report_card (closed_at, starts_on, ends_on);

-- one score per lesson (a day's period) and target: 2 met, 1 partly met, 0 not met
create sequence report_card_score_seq start with 1 increment by 50;
create table report_card_score (
    id             bigint primary key,
    report_card_id bigint       not null references report_card (id),
    lesson_day     date         not null,
    period         integer      not null,
    target         integer      not null,
    score          integer      not null,
    scored_by      varchar(64)  not null,
    scored_at      timestamp with time zone not null,
    constraint report_card_score_unique unique (report_card_id, lesson_day, period, target),
    constraint report_card_score_range check (score between 0 and 2 and target between 1 and 3 and period >= 1)
);

-- each weekly and final review: the figures the reviewer saw and what they decided
create sequence report_card_review_seq start with 1 increment by 50;
create table report_card_review (
    id                bigint primary key,
    report_card_id    bigint        not null references report_card (id),
    kind              varchar(10)   not null,
    level_code        varchar(30)   not null,
    reviewed_by       varchar(64)   not null,
    reviewed_at       timestamp with time zone not null,
    percent_met       integer,
    lessons_unscored  integer       not null,
    decision          varchar(20)   not null,
    notes             varchar(5000) not null
);
create index report_card_review_card on report_card_review (report_card_id);
