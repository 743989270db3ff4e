package io.platform.killswitch.secret;

/**
 * The service user the kill switch acts on, as named by its secret. Neither field is a credential:
 * both may appear in logs and notices.
 */
public record ServiceUser(String username, String accessKeyId) {}
