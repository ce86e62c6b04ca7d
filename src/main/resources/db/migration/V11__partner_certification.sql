-- Issue 20, seed 000: certified partners (the same text on H2 and PostgreSQL).

-- «Сертифицированные партнеры могут создавать свои конфигурации»: set by vendor staff, null while not certified.
alter table partner add column certified_at timestamp(6) with time zone;
alter table partner add column certified_by varchar(64);
-- Partners who already sent a configuration to moderation keep doing so: they are certified by this migration.
update partner set certified_at = current_timestamp, certified_by = 'migration-V11'
where id in (select c.creator_id from configuration c join configuration_moderation m on m.configuration_id = c.id);
