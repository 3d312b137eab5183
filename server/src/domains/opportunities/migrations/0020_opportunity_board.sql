-- O3 kanban for one rep: each column's newest cards among his own. The board index (0013) leads
-- with the pipeline, so a rep's won and lost columns walked hundreds of thousands of colleagues'
-- deals to find his 20 (170 ms p95 at 2M opportunities); this one reads just those 20.
CREATE INDEX opportunities_owner_board ON opportunities (owner_id, stage_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
