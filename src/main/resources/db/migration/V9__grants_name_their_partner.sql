-- A grant to "every client of a partner" names that partner: a client's own extension moves with the client to its
-- new partner, and a grant its old partner made must keep meaning the old partner's clients.
alter table extension_access_grant add column partner_id bigint references partner (id);

update extension_access_grant
   set partner_id = (select e.developer_partner_id
                       from extension_version v join extension e on e.id = v.extension_id
                      where v.id = extension_access_grant.version_id)
 where subscriber_id is null;

create index extension_access_grant_partner on extension_access_grant (partner_id);
