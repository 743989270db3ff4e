package io.platform.migrate.slice;

import io.platform.migrate.address.ModuleInstance;

/**
 * A direct child module instance of the prefix, found in the state, and the unit it goes to.
 *
 * @param rule why: "convention", "renames" or "merges"
 */
public record Component(ModuleInstance address, String unit, String rule) {}
