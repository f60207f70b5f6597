-- Administration of API keys (issue 5): keys get an optional label, and a space's keys are listed newest
-- first through an index that serves that order (it replaces the plain index on space_id).

alter table api_keys add column name text;
alter table api_keys add constraint api_keys_name_length check (name is null or char_length(name) between 1 and 100);

create index api_keys_by_space on api_keys (space_id, created_at desc, id desc);
drop index api_keys_space;
