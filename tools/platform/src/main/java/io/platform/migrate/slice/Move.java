package io.platform.migrate.slice;

/**
 * One instance moving: its address in the monolith and in the unit (with deposed/tainted notes).
 */
public record Move(String from, String to) {}
