-- The year groups a PSO or Head of Year works with. A PSO or Head of Year with none recorded works
-- with the whole school (as before this table existed); the other caseworker groups always do.
create table staff_year_group (
    user_id    varchar(64) not null,
    year_group integer     not null,
    primary key (user_id, year_group)
);
