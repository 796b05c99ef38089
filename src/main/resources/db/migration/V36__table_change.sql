-- A change to a decision table that routes safeguarding work, proposed in the table editor by someone who is not a
-- DSL and waiting for a DSL's approval (issue 18 part 2; docs/workflows-for-schools.md, ADR 0030). The proposed file
-- is kept whole, so what the DSL approves is exactly what is deployed. About no student: a routing rule, not a case.
create sequence table_change_seq start with 1 increment by 50;
create table table_change (
    id                  bigint primary key,
    decision_key        varchar(100)  not null,
    resource_name       varchar(200)  not null,
    base_definition_id  varchar(64)   not null,
    restored_from       varchar(64),
    proposed_xml        text          not null,
    reason              varchar(1000) not null,
    proposed_by         varchar(64)   not null,
    proposed_at         timestamp with time zone not null,
    state               varchar(20)   not null,
    decided_by          varchar(64),
    decided_at          timestamp with time zone,
    decision_note       varchar(2000),
    deployed_definition_id varchar(64),
    process_instance_id varchar(64)
);
create index table_change_key on table_change (decision_key, proposed_at);
