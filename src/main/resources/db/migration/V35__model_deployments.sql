-- Who deployed a version of a model or decision table from inside the application, and why (issue 18;
-- docs/workflows-for-schools.md). The engine keeps the versions themselves (ACT_RE_*); this row adds what it
-- does not: the person, the reason, how it came (the table editor, an upload, a restore) and, for a restore,
-- the version put back. The application's own models, deployed at start-up from the release, have no row.
-- About no student.
create sequence model_deployment_seq start with 1 increment by 50;
create table model_deployment (
    id             bigint primary key,
    deployment_id  varchar(64)   not null,
    resource_name  varchar(200)  not null,
    how            varchar(20)   not null,
    reason         varchar(1000) not null,
    deployed_by    varchar(64)   not null,
    deployed_at    timestamp with time zone not null,
    restored_from  varchar(64)
);
create unique index model_deployment_deployment on model_deployment (deployment_id);
create index model_deployment_resource on model_deployment (resource_name, deployed_at);
