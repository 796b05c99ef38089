create sequence referral_seq start with 1 increment by 50;
create sequence referral_number_seq start with 1 increment by 1;
create table referral (
    id                  bigint primary key,
    reference           varchar(20)  not null,
    student_id          bigint       not null references student (id),
    category            varchar(30)  not null,
    description         varchar(20000) not null,
    child_words         varchar(20000),
    occurred_at         timestamp with time zone not null,
    location            varchar(200),
    immediate_risk      boolean      not null,
    raised_by           varchar(64)  not null,
    raised_at           timestamp with time zone not null,
    route               varchar(20),
    stage               varchar(40)  not null,
    closed_at           timestamp with time zone,
    process_instance_id varchar(64),
    version             bigint       not null,
    constraint referral_reference_unique unique (reference)
);
create index referral_raised_by on referral (raised_by, raised_at);
create index referral_student on referral (student_id);

create sequence external_referral_seq start with 1 increment by 50;
create table external_referral (
    id               bigint primary key,
    referral_id      bigint       not null references referral (id),
    agency           varchar(60)  not null,
    referred_on      date         not null,
    agency_reference varchar(100),
    recorded_by      varchar(64)  not null,
    recorded_at      timestamp with time zone not null,
    feedback_on      date,
    feedback         varchar(20000),
    outcome          varchar(40)
);
create index external_referral_referral on external_referral (referral_id);

create sequence support_plan_seq start with 1 increment by 50;
create table support_plan (
    id                  bigint primary key,
    student_id          bigint        not null references student (id),
    referral_id         bigint references referral (id),
    owner_group         varchar(20)   not null,
    confidentiality     varchar(20)   not null,
    goals               varchar(5000) not null,
    interventions       varchar(500)  not null,
    measure_name        varchar(120)  not null,
    baseline_score      integer       not null,
    end_score           integer,
    parent_informed     boolean       not null,
    parent_informed_how varchar(300),
    started_on          date          not null,
    closed_on           date,
    created_by          varchar(64)   not null,
    created_at          timestamp with time zone not null
);
create index support_plan_student on support_plan (student_id);
create index support_plan_referral on support_plan (referral_id);

create sequence plan_session_seq start with 1 increment by 50;
create table plan_session (
    id           bigint primary key,
    plan_id      bigint        not null references support_plan (id),
    held_on      date          not null,
    intervention varchar(40)   not null,
    notes        varchar(5000),
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp with time zone not null
);
create index plan_session_plan on plan_session (plan_id);
