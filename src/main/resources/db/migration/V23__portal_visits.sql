-- The partner portal's «Изменилось с прошлого визита» (issue 22, ADR 0046): when each person last opened «Главная»,
-- written once per visit (a session), so the home page lists the requests changed since the visit before this one.
create table portal_visit (
    user_id       varchar(64) primary key,
    last_seen_at  timestamp(6) with time zone not null
);
