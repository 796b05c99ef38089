-- One confidentiality model (issue 13, docs/security.md, ADR 0019): every record about a student says
-- who may read it, in a column the access policy reads in Java and in SQL alike, and a DSL (or the
-- SENCO for SEND records) may share one record with named staff on a need-to-know basis.

create sequence record_share_seq start with 1 increment by 50;
create table record_share (
    id          bigint primary key,
    record_type varchar(40)  not null,
    record_id   bigint       not null,
    user_id     varchar(64)  not null,
    reason      varchar(500) not null,
    shared_by   varchar(64)  not null,
    shared_at   timestamp with time zone not null,
    revoked_by  varchar(64),
    revoked_at  timestamp with time zone
);
create index record_share_user on record_share (user_id, record_type, record_id);
create index record_share_record on record_share (record_type, record_id);

-- A concern is as confidential as the group that first reviews it; until it is routed, the DSL's.
alter table referral add column confidentiality varchar(20);
update referral set confidentiality = coalesce(
    (select max(e.confidentiality) from chronology_entry e
      where e.source_type = 'referral' and e.source_id = referral.id and e.kind = 'CONCERN'),
    'SAFEGUARDING');
alter table referral alter column confidentiality set not null;

-- An external referral and the agency's feedback are as confidential as the decision that made it.
alter table external_referral add column confidentiality varchar(20);
update external_referral set confidentiality = coalesce(
    (select max(e.confidentiality) from chronology_entry e
      where e.source_type = 'referral' and e.source_id = external_referral.referral_id and e.kind = 'EXTERNAL_REFERRAL'),
    'SAFEGUARDING');
alter table external_referral alter column confidentiality set not null;

-- Harmful sexual behaviour, discriminatory language (both go to the DSL) and any incident logged with
-- the safeguarding indicator are the DSL's records.
alter table incident add column confidentiality varchar(20);
update incident set confidentiality = case
    when type in ('harmful-sexual-behaviour', 'discriminatory-language') or safeguarding_indicator then 'SAFEGUARDING'
    else 'PASTORAL' end;
alter table incident alter column confidentiality set not null;
create index incident_confidentiality on incident (confidentiality, closed_at);

-- A mediation after a safeguarding incident is as confidential as the incident.
alter table mediation add column confidentiality varchar(20);
update mediation set confidentiality = coalesce(
    (select i.confidentiality from incident i where mediation.source_type = 'incident' and i.reference = mediation.source_reference),
    'PASTORAL');
alter table mediation alter column confidentiality set not null;

-- Attendance: a persistent or severe absence concern is pastoral; ten days' unexplained absence (a
-- child possibly missing education) is the DSL's.
alter table attendance_concern add column confidentiality varchar(20);
update attendance_concern set confidentiality = case when kind = 'THRESHOLD' then 'PASTORAL' else 'SAFEGUARDING' end;
alter table attendance_concern alter column confidentiality set not null;
