package io.platform.migrate.address;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A module path in configuration terms, without instance keys ({@code module.a.module.b}): the form
 * instance {@code dependencies} and provider configuration addresses use.
 */
public record ModulePath(List<String> names) {
  public static final ModulePath ROOT = new ModulePath(List.of());

  public ModulePath {
    names = List.copyOf(names);
  }

  public boolean startsWith(ModulePath prefix) {
    return names.size() >= prefix.names.size()
        && names.subList(0, prefix.names.size()).equals(prefix.names);
  }

  /** This path with {@code from} (a prefix of it) replaced by {@code to}. */
  public ModulePath replacePrefix(ModulePath from, ModulePath to) {
    List<String> rest = new ArrayList<>(to.names);
    rest.addAll(names.subList(from.names.size(), names.size()));
    return new ModulePath(rest);
  }

  public String render() {
    return names.stream().map(n -> "module." + n).collect(Collectors.joining("."));
  }

  @Override
  public String toString() {
    return render();
  }
}
