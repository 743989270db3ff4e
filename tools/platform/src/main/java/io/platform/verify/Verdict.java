package io.platform.verify;

/** What a unit's plan says about it, from best to worst. */
public enum Verdict {
  /** Nothing to do: the unit matches its configuration. */
  CLEAN("clean"),
  /** Only root outputs would change (e.g. a sliced state before its first apply). */
  OUTPUT_ONLY("output-only"),
  /** Objects changed outside Terraform in a way the plan depends on, but nothing to do. */
  DRIFT_ONLY("drift-only"),
  /** Terraform would create, update, delete, replace, forget, import or move something. */
  CHANGES("changes"),
  /** The plan could not be made. */
  ERROR("error");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
