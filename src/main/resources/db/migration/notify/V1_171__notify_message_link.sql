-- An inbox message opens the page of what it is about (the request, the case, the task).
alter table notify_message add column link varchar(200);
