/**
 * The Node.js flags the API's containers run with (the catalog sets them as NODE_OPTIONS, and
 * `nps bench api` starts its server with them, so the bench measures what is deployed).
 *
 * A reading request lives about as long as V8's default young generation (16 MB semi-spaces)
 * takes to fill under load: at 50 requests in flight a scavenge came every ~30 ms, so most of a
 * request's objects were still alive at two scavenges and were copied into the old generation,
 * to be found again by mark-compact (--trace-gc showed the heap climbing to 280 MB between major
 * collections). With 64 MB they die young: the persisted reading took about 8 % less CPU per
 * request. The container's 1 GB holds the larger young generation easily.
 */
export const API_NODE_OPTIONS = "--max-semi-space-size=64";
