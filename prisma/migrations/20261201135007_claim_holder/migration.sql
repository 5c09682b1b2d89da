-- AlterTable
ALTER TABLE "ProcessedUpdate" ADD COLUMN     "holder" INTEGER;

-- Whether the process that stamped a claim still lives: it holds the advisory lock (space, holder)
-- in this database while it runs (src/db/claimHolder.ts); its session, and the lock, end with it.
CREATE FUNCTION "claim_holder_alive"(space integer, holder integer) RETURNS boolean
LANGUAGE sql VOLATILE AS $$
  SELECT EXISTS (
    SELECT 1 FROM pg_locks l
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND l.classid = space::oid AND l.objid = holder::oid
  )
$$;
