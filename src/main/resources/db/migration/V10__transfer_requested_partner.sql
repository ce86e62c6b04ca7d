-- The partner the client's letter asks to move to (seed 002: «название, код партнера (если известно)»), as the letter
-- names it. Required of every submission from now on; requests submitted before keep them empty: nobody read their
-- letters for it, and a guess would show vendor staff a partner the letter may not name.
alter table transfer_request add column requested_partner_name varchar(255);
alter table transfer_request add column requested_partner_code varchar(32);
