-- The lists of transfers, newest first (GET /api/transfers). A partner's list reads each side of its transfers
-- from that side's index (TransferRequests.findIdsInvolving), so it costs what the partner's own transfers cost,
-- not a scan of every partner's transfers; vendor staff's list of all transfers can take its first page from the
-- index in the list's order instead of sorting the whole table.
create index transfer_request_from_partner_newest on transfer_request (from_partner_id, created_at desc, id desc);
create index transfer_request_to_partner_newest on transfer_request (to_partner_id, created_at desc, id desc);
create index transfer_request_newest on transfer_request (created_at desc, id desc);
