package io.platform.verify;

import java.util.List;
import java.util.Set;

/**
 * One resource the plan would touch.
 *
 * @param address the resource instance address after the change
 * @param previousAddress where it was before a {@code moved} block, or null
 * @param actions what would happen to it
 * @param changedAttributes attribute paths that differ (values are never kept: they may be secret)
 */
public record ResourceChange(
    String address,
    String previousAddress,
    Set<ChangeAction> actions,
    List<String> changedAttributes) {

  public ResourceChange {
    actions = Set.copyOf(actions);
    changedAttributes = List.copyOf(changedAttributes);
  }
}
