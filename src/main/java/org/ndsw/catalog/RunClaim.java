package org.ndsw.catalog;

/**
 * A run taken by a scheduler for one worker: the run and the token that fences every later write.
 *
 * @param token unique per claim; writes of a process holding an older token change nothing
 */
public record RunClaim(long runId, int seq, String token) {}
