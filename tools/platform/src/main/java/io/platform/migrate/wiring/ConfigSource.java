package io.platform.migrate.wiring;

import io.platform.terraform.Terraform;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Where {@code migrate plan --config} reads the monolith's configuration, and what it checks the
 * references against.
 *
 * @param dir the monolith's root module
 * @param terraform the engine that initialises and plans a copy of it
 * @param calls the local modules a module calls, at any depth
 * @param live the target live tree, or null for file destinations (nothing to check against)
 */
public record ConfigSource(
    Path dir, Terraform terraform, Function<Path, List<Path>> calls, UnitInterfaces live) {}
