-- Lists sorted or filtered by the time of the last change (GET /api/transfers?sort=-updated, ?updatedSince=…: a CRM
-- polls for what changed). As in V6, each side of a partner's transfers is read from its own index, cut at the page's
-- end; vendor staff's list of all transfers takes its page from the last index.
create index transfer_request_from_partner_updated on transfer_request (from_partner_id, updated_at, id);
create index transfer_request_to_partner_updated on transfer_request (to_partner_id, updated_at, id);
create index transfer_request_updated on transfer_request (updated_at, id);
