package io.platform.verify;

/** Kinds of change a plan can hold; each counts against a zero-diff verdict. */
public enum ChangeAction {
  CREATE("create"),
  UPDATE("update"),
  DELETE("delete"),
  REPLACE("replace"),
  FORGET("forget"),
  IMPORT("import"),
  MOVE("move");

  private final String label;

  ChangeAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
