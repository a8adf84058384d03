package org.ndsw.catalog;

/**
 * A process claiming runs: a unique token, its host name and pid (so a later scheduler on the same host can tell a
 * dead claim from a live one).
 */
public record Owner(String token, String host, long pid) {}
