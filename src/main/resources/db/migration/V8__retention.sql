-- Retention review: records past their retention date, listed for the DSL to destroy or hold.
-- The rows are the destruction log: who decided, when, why and how much was destroyed.
create sequence retention_review_seq start with 1 increment by 50;
create table retention_review (
    id              bigint primary key,
    student_id      bigint        not null references student (id),
    confidentiality varchar(20)   not null,
    retain_until    date          not null,
    entries         integer       not null,
    listed_at       timestamp with time zone not null,
    status          varchar(20)   not null,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    reason          varchar(2000),
    held_until      date,
    destroyed       varchar(1000)
);
create index retention_review_status on retention_review (status, student_id);
