-- School settings changed on the settings page (issue 18, part 3; docs/adr/0031-school-settings-in-the-database.md).
-- One row per saved version: the school's values that differ from application.yml (the defaults) as
-- properties in JSON, who saved it, when and why, and what changed (before and after). The settings in
-- force are the row with the highest number; no row means the defaults. Rows are never changed or
-- deleted: putting back an earlier version saves a new one. About no student.
create table school_settings_version (
    number         integer primary key,
    overrides      varchar(200000) not null,
    changes        varchar(200000) not null,
    reason         varchar(500)  not null,
    saved_by       varchar(64)   not null,
    saved_at       timestamp with time zone not null,
    put_back_from  integer
);
