package io.platform.backend;

/**
 * One hardening setting of the state backend and what bootstrap did about it.
 *
 * @param resource the bucket or table name
 * @param setting e.g. "versioning", "encryption", "tls-only policy"
 * @param outcome "created", "set", "unchanged", or "skipped (...)" with the reason
 */
public record BootstrapStep(String resource, String setting, String outcome) {}
