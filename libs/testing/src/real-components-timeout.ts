/**
 * Tests against the real broker, database and Redis start and stop whole services; on a busy
 * machine closing one (consumers leaving their group, pools draining) can pass jest's default 5 s.
 */
jest.setTimeout(30_000);
