-- The outbox is retried: an e-mail that failed (mail server down) or was never sent (the node
-- stopped between commit and sending) is tried again later, with a growing wait, a few times.
alter table notification add column attempts integer default 0 not null;
alter table notification add column next_attempt_at timestamp with time zone;
update notification set attempts = 1 where status <> 'PENDING';
create index notification_due on notification (next_attempt_at);
