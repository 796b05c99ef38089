-- The sequences behind the references people are given (R26-00042 and the like) keep no cache of
-- values: H2 (CACHE 32 by default) then records every value in its schema before handing it
-- out. PostgreSQL's default is already 1 (its WAL runs ahead of any value it hands out).
-- See docs/adr/0010-embedded-database-durability.md.
alter sequence referral_number_seq cache 1;
alter sequence attendance_number_seq cache 1;
alter sequence oncall_number_seq cache 1;
alter sequence incident_number_seq cache 1;
alter sequence mediation_number_seq cache 1;
alter sequence transition_number_seq cache 1;
alter sequence leaver_number_seq cache 1;
