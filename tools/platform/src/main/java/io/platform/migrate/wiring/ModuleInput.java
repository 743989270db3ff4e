package io.platform.migrate.wiring;

import io.platform.migrate.address.ModulePath;
import java.util.List;

/**
 * One argument of a module call in the monolith and what its expression refers to, as Terraform's
 * configuration JSON lists it.
 *
 * @param call the module call, e.g. {@code module.alb}
 * @param argument an input variable's name, or {@code for_each} / {@code count}
 * @param references Terraform's references, relative to the module holding the call: {@code
 *     module.vpc.vpc_id}, {@code var.x}, {@code local.y}, ...
 */
public record ModuleInput(ModulePath call, String argument, List<String> references) {
  public static final String FOR_EACH = "for_each";
  public static final String COUNT = "count";

  public ModuleInput {
    references = List.copyOf(references);
  }

  /** Whether the argument decides the call's instances rather than feeding a variable. */
  public boolean meta() {
    return argument.equals(FOR_EACH) || argument.equals(COUNT);
  }

  /** The module that holds the call (its expression is evaluated there). */
  public ModulePath caller() {
    return new ModulePath(call.names().subList(0, call.names().size() - 1));
  }
}
