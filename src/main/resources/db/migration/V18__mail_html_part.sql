-- Mails come from templates (issue 19): a text part and an HTML part, both rendered when the mail is written to the
-- outbox, so what is sent is what was decided. Rows written before have no HTML part and go out as plain text.
alter table notification add column html_body varchar(100000);
alter table notification alter column body set data type varchar(32000);
