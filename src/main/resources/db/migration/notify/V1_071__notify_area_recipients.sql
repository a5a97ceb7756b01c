-- Inbox alerts addressed to an area carry the area's path (/630000/632500/632521/632521101/), so that everyone whose
-- area contains it finds them with one prefix match; paths are longer than the masked phones the column was made for.
alter table notify_message alter column recipient_masked type varchar(120);
create index notify_message_inbox_idx on notify_message (recipient_masked, created_at desc) where channel = 'INBOX';
