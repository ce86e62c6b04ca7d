-- Mails of decisions outside any process (invitations, unpublishing) have no async step to retry them: the outbox's
-- schedule does, and finds them by this flag.
alter table notification add column outside_process boolean default false not null;

create index notification_outside_process on notification (outside_process, status);
