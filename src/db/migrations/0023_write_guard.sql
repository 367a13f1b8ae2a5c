-- A use case's writes go as one autocommit statement guarded by the versions its reads saw
-- (src/db/write-batch.ts). The statement ends by calling this: when a guard matched no row
-- (another writer moved the case or the order first), it fails as a serialization failure, so
-- the whole statement is undone and the use case runs again on fresh reads.
CREATE OR REPLACE FUNCTION retour_write_guard(ok boolean) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NOT ok THEN
    RAISE EXCEPTION 'retour.write_conflict' USING ERRCODE = '40001';
  END IF;
  RETURN true;
END
$$;
