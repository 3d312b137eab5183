-- Global search finds opportunities by name: the same two-character pieces as the other groups
-- (text_bigrams, 0002). The expression must stay identical to TEXT.opportunity in search-providers.ts.
CREATE INDEX opportunities_search ON opportunities USING gin (text_bigrams(lower(name))) WHERE deleted_at IS NULL;
