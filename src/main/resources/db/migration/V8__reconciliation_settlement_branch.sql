-- The monthly settlement settles each reconciliation in a branch of its own (a multi-instance subprocess). The branch
-- is bound to its reconciliation here when it starts, so that no later step takes the reconciliation from a process
-- variable, which whoever completes a task in the branch could overwrite.
alter table reconciliation add column settlement_branch varchar(64);
create unique index uk_reconciliation_settlement_branch on reconciliation (settlement_branch);
