package io.platform.migrate.address;

/** Text that is not a valid Terraform address; says where and what was expected. */
public final class AddressSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  AddressSyntaxException(String text, int position, String problem) {
    super(
        "invalid address "
            + quoteForMessage(text)
            + " at column "
            + (position + 1)
            + ": "
            + problem);
  }

  private static String quoteForMessage(String text) {
    return "'" + text.replace("\n", "\\n") + "'";
  }
}
