-- Changes to the DSL group wait for a DSL (issue 13): an administrator proposes adding or removing
-- someone, and a member of dsl other than that person and the proposer confirms or refuses it.
-- The rows are the record of both steps (the audit trail has them too). pending_key is
-- "<user>|<group>" while a change waits and null once it is decided, so a person has at most one
-- waiting change per group (a unique column, as partial indexes are not portable to H2).
create sequence group_change_seq start with 1 increment by 50;
create table group_change (
    id          bigint primary key,
    user_id     varchar(64) not null,
    group_id    varchar(64) not null,
    kind        varchar(10) not null,
    proposed_by varchar(64) not null,
    proposed_at timestamp with time zone not null,
    status      varchar(10) not null,
    decided_by  varchar(64),
    decided_at  timestamp with time zone,
    pending_key varchar(140) unique
);
create index group_change_status on group_change (status, proposed_at);
