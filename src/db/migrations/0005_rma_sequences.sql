-- RMA counters become one sequence per shop (no hot row). Each starts above every counter the
-- shop handed out, so a new number never repeats one of the same day.
DO $$
DECLARE s record;
BEGIN
  FOR s IN SELECT id, coalesce((SELECT max(last) FROM rma_counters c WHERE c.shop_id = shops.id), 0) + 1 AS start FROM shops LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I START WITH %s', 'rma_seq_' || replace(s.id::text, '-', ''), s.start);
  END LOOP;
END $$;
--> statement-breakpoint
DROP TABLE "rma_counters" CASCADE;
